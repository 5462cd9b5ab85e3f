package com.requestworkflows.api.request;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Which event leads a request where: the transitions every view and the aggregate share. */
class RequestStateTest {

    private static final String ID = "r1";

    @Test
    void decisionsLeavePendingForTheirOutcomeOrForExecution() {
        assertThat(RequestState.PENDING.after(RequestApprovedEvent.byChecker(ID, 0, 2001, "ok", false, null)))
                .isEqualTo(RequestState.APPROVED);
        assertThat(RequestState.PENDING.after(RequestApprovedEvent.byChecker(ID, 0, 2001, "ok", true, null)))
                .isEqualTo(RequestState.EXECUTING);
        assertThat(RequestState.PENDING.after(new RequestRejectedEvent(ID, 0, 2001, "no")))
                .isEqualTo(RequestState.REJECTED);
        assertThat(RequestState.PENDING.after(new RequestCancelledEvent(ID, 0, 1001, "withdrawn")))
                .isEqualTo(RequestState.CANCELLED);
    }

    @Test
    void executionEndsApprovedOrFailedAndARetryStartsItAgain() {
        ExecutionAttempt attempt = new ExecutionAttempt(1, 200, "{}", null);
        assertThat(RequestState.EXECUTING.after(new RequestExecutionAttemptFailedEvent(ID, 0, 1, attempt,
                Instant.EPOCH))).as("an attempt that will be tried again").isEqualTo(RequestState.EXECUTING);
        assertThat(RequestState.EXECUTING.after(new RequestExecutedEvent(ID, 0, 1, attempt)))
                .isEqualTo(RequestState.APPROVED);
        assertThat(RequestState.EXECUTING.after(new RequestExecutionFailedEvent(ID, 0, 1, attempt)))
                .isEqualTo(RequestState.FAILED);
        assertThat(RequestState.FAILED.after(new RequestExecutionRetriedEvent(ID, 0, 2, 9001)))
                .isEqualTo(RequestState.EXECUTING);
    }

    @Test
    void onlyPendingAndExecutingHaveNoOutcomeYet() {
        assertThat(RequestState.values()).filteredOn(state -> !state.isOutcome())
                .containsExactly(RequestState.PENDING, RequestState.EXECUTING);
    }
}
