package com.requestworkflows.command.request;

import com.requestworkflows.api.autoapproval.AutoApprovalRule;
import com.requestworkflows.api.error.ExecutionNotRetryableException;
import com.requestworkflows.api.error.RequestNotFoundException;
import com.requestworkflows.api.request.ApproveRequestCommand;
import com.requestworkflows.api.request.ExecutionAttempt;
import com.requestworkflows.api.request.ExecutionView;
import com.requestworkflows.api.request.RecordExecutionAttemptCommand;
import com.requestworkflows.api.request.RequestApprovedEvent;
import com.requestworkflows.api.request.RequestExecutedEvent;
import com.requestworkflows.api.request.RequestExecutionAttemptFailedEvent;
import com.requestworkflows.api.request.RequestExecutionFailedEvent;
import com.requestworkflows.api.request.RequestExecutionRetriedEvent;
import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.api.request.RetryExecutionCommand;
import com.requestworkflows.command.execution.ExecutionProperties;
import com.requestworkflows.command.execution.ExecutionTargets;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;

import static com.requestworkflows.command.request.AssertingMatcher.satisfying;
import static com.requestworkflows.command.request.Submission.ORG;
import static com.requestworkflows.command.request.Submission.REQUEST_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** Carrying out an approved request: how each call's outcome moves the request, and retries by an admin. */
class RequestExecutionTest {

    private static final long CHECKER = 233253;
    private static final long ADMIN = 9001;
    private static final int MAX_ATTEMPTS = 3;
    private static final Instant NEXT_ATTEMPT = Instant.parse("2024-02-03T10:15:30Z");

    private AggregateTestFixture<Request> fixture;
    private final Submission submission = Submission.of(RequestType.POINTS_REDEMPTION);

    @BeforeEach
    void setUp() {
        ExecutionTargets targets = new ExecutionTargets(new ExecutionProperties(
                Map.of(RequestType.POINTS_REDEMPTION,
                        new ExecutionProperties.Target(URI.create("http://platform.test/redeem"), null)),
                null, null, null, null, null, null, null));
        fixture = new AggregateTestFixture<>(Request.class);
        fixture.registerInjectableResource(targets);
        fixture.registerAnnotatedCommandHandler(new RequestSubmissionHandler(fixture.getRepository(),
                InMemoryClaims.of(new InMemoryReferenceIdRegistry(), new InMemoryRequestNumbers()),
                orgId -> EnumSet.noneOf(AutoApprovalRule.class), targets));
    }

    private RequestApprovedEvent approved() {
        return RequestApprovedEvent.byChecker(REQUEST_ID, ORG, CHECKER, "approving", true, null);
    }

    private static RecordExecutionAttemptCommand report(int round, int attempt, Integer status, String error) {
        return new RecordExecutionAttemptCommand(REQUEST_ID, round,
                new ExecutionAttempt(attempt, status, status == null ? null : "{\"code\":" + status + "}", error),
                MAX_ATTEMPTS, NEXT_ATTEMPT);
    }

    @Test
    void anApprovalOfATypeWithATargetStartsItsExecution() {
        fixture.given(submission.submitted())
                .when(new ApproveRequestCommand(REQUEST_ID, ORG, CHECKER, "approving"))
                .expectEvents(approved())
                .expectResultMessagePayloadMatching(satisfying(RequestView.class, view -> {
                    assertThat(view.state()).isEqualTo(RequestState.EXECUTING);
                    assertThat(view.execution().status()).isEqualTo(ExecutionView.Status.EXECUTING);
                    assertThat(view.execution().round()).isEqualTo(1);
                    assertThat(view.execution().idempotencyKey()).isEqualTo(REQUEST_ID + ":1");
                }));
    }

    @Test
    void anAutomaticApprovalIsExecutedToo() {
        fixture.givenNoPriorActivity()
                .when(Submission.of(RequestType.POINTS_REDEMPTION).clientAutoApprove().command())
                .expectResultMessagePayloadMatching(satisfying(RequestView.class,
                        view -> assertThat(view.state()).isEqualTo(RequestState.EXECUTING)));
    }

    @Test
    void aSuccessfulCallApprovesTheRequestKeepingTheDecisionsCheckerAndComment() {
        fixture.given(submission.submitted(), approved())
                .when(report(1, 1, 200, null))
                .expectEvents(new RequestExecutedEvent(REQUEST_ID, ORG, 1,
                        new ExecutionAttempt(1, 200, "{\"code\":200}", null)))
                .expectResultMessagePayloadMatching(satisfying(RequestView.class, view -> {
                    assertThat(view.state()).isEqualTo(RequestState.APPROVED);
                    assertThat(view.checkerId()).isEqualTo(CHECKER);
                    assertThat(view.comment()).isEqualTo("approving");
                    assertThat(view.execution().status()).isEqualTo(ExecutionView.Status.SUCCEEDED);
                    assertThat(view.execution().lastAttempt().httpStatus()).isEqualTo(200);
                }));
    }

    @Test
    void aRefusalFailsTheRequestAtOnceAndKeepsThePlatformsAnswer() {
        fixture.given(submission.submitted(), approved())
                .when(report(1, 1, 400, null))
                .expectEvents(new RequestExecutionFailedEvent(REQUEST_ID, ORG, 1,
                        new ExecutionAttempt(1, 400, "{\"code\":400}", null)))
                .expectResultMessagePayloadMatching(satisfying(RequestView.class, view -> {
                    assertThat(view.state()).isEqualTo(RequestState.FAILED);
                    assertThat(view.execution().lastAttempt().responseBody()).isEqualTo("{\"code\":400}");
                }));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 408, 429})
    void aPassingFailureIsRetriedLater(int status) {
        fixture.given(submission.submitted(), approved())
                .when(report(1, 1, status, null))
                .expectEvents(new RequestExecutionAttemptFailedEvent(REQUEST_ID, ORG, 1,
                        new ExecutionAttempt(1, status, "{\"code\":" + status + "}", null), NEXT_ATTEMPT))
                .expectResultMessagePayloadMatching(satisfying(RequestView.class, view -> {
                    assertThat(view.state()).isEqualTo(RequestState.EXECUTING);
                    assertThat(view.execution().attempts()).isEqualTo(1);
                    assertThat(view.execution().nextAttemptAt()).isEqualTo(NEXT_ATTEMPT.toEpochMilli());
                }));
    }

    @Test
    void noAnswerIsRetriedAndTheLastFailedAttemptFailsTheRequest() {
        ExecutionAttempt first = new ExecutionAttempt(1, null, null, "timeout");
        ExecutionAttempt second = new ExecutionAttempt(2, 502, "{\"code\":502}", null);
        fixture.given(submission.submitted(), approved(),
                        new RequestExecutionAttemptFailedEvent(REQUEST_ID, ORG, 1, first, NEXT_ATTEMPT),
                        new RequestExecutionAttemptFailedEvent(REQUEST_ID, ORG, 1, second, NEXT_ATTEMPT))
                .when(report(1, 3, null, "timeout"))
                .expectEvents(new RequestExecutionFailedEvent(REQUEST_ID, ORG, 1,
                        new ExecutionAttempt(3, null, null, "timeout")));
    }

    @Test
    void aReportSentAgainOrFromAnEarlierRoundChangesNothing() {
        ExecutionAttempt first = new ExecutionAttempt(1, 500, null, null);
        fixture.given(submission.submitted(), approved(),
                        new RequestExecutionAttemptFailedEvent(REQUEST_ID, ORG, 1, first, NEXT_ATTEMPT))
                .when(report(1, 1, 200, null))
                .expectNoEvents();
        fixture.given(submission.submitted(), approved(),
                        new RequestExecutionFailedEvent(REQUEST_ID, ORG, 1, first),
                        new RequestExecutionRetriedEvent(REQUEST_ID, ORG, 2, ADMIN))
                .when(report(1, 2, 200, null))
                .expectNoEvents();
    }

    @Test
    void anAdminRetriesAFailedExecutionAsANewRoundWithANewKey() {
        fixture.given(submission.submitted(), approved(),
                        new RequestExecutionFailedEvent(REQUEST_ID, ORG, 1, new ExecutionAttempt(1, 400, null, null)))
                .when(new RetryExecutionCommand(REQUEST_ID, ORG, ADMIN))
                .expectEvents(new RequestExecutionRetriedEvent(REQUEST_ID, ORG, 2, ADMIN))
                .expectResultMessagePayloadMatching(satisfying(RequestView.class, view -> {
                    assertThat(view.state()).isEqualTo(RequestState.EXECUTING);
                    assertThat(view.execution().round()).isEqualTo(2);
                    assertThat(view.execution().attempts()).isZero();
                    assertThat(view.execution().idempotencyKey()).isEqualTo(REQUEST_ID + ":2");
                }));
    }

    @Test
    void onlyAFailedExecutionCanBeRetriedAndOnlyInItsOrg() {
        fixture.given(submission.submitted(), approved())
                .when(new RetryExecutionCommand(REQUEST_ID, ORG, ADMIN))
                .expectException(ExecutionNotRetryableException.class)
                .expectNoEvents();
        fixture.given(submission.submitted())
                .when(new RetryExecutionCommand(REQUEST_ID, ORG, ADMIN))
                .expectException(ExecutionNotRetryableException.class);
        fixture.given(submission.submitted(), approved(),
                        new RequestExecutionFailedEvent(REQUEST_ID, ORG, 1, new ExecutionAttempt(1, 400, null, null)))
                .when(new RetryExecutionCommand(REQUEST_ID, ORG + 1, ADMIN))
                .expectException(RequestNotFoundException.class);
    }
}
