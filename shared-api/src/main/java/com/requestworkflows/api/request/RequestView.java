package com.requestworkflows.api.request;

import java.time.Instant;

/**
 * A request as it stands after a sequence of its events. The aggregate answers commands with it and the query side
 * stores it, so both derive it from events in this one place. Times are epoch milliseconds, as in the reference;
 * every field is always present, null where it does not apply yet. {@code checkerId}, {@code comment} and
 * {@code approvedValue} stay those of the decision while the approved action is executed. {@code requestNumber} is
 * the numeric id the member-care API knows it by; {@code clientAutoApprove} what its submitter said about automatic
 * approval (null: nothing).
 */
public record RequestView(String requestId,
                          String refId,
                          Long requestNumber,
                          long orgId,
                          RequestType requestType,
                          BaseType baseType,
                          String referenceId,
                          RequestState state,
                          long requesterId,
                          Long checkerId,
                          String comment,
                          String reason,
                          ApprovalType approvalType,
                          String approvalRule,
                          Adjustment approvedValue,
                          Boolean clientAutoApprove,
                          long createdAt,
                          long updateTime,
                          RequestAttributes requestAttributes,
                          ExecutionView execution) {

    /** The reference's {@code refId}: the org and the request id joined by an underscore. */
    public static String refId(long orgId, String requestId) {
        return orgId + "_" + requestId;
    }

    /**
     * The request after one more of its events ({@code current} is null before the submission); events of other
     * kinds leave it as it is.
     */
    public static RequestView evolve(RequestView current, Object event, Instant at) {
        if (event instanceof RequestSubmittedEvent submitted) {
            return submitted(submitted, at);
        } else if (event instanceof RequestApprovedEvent approved) {
            return current.approved(approved, at);
        } else if (event instanceof RequestRejectedEvent rejected) {
            return current.rejected(rejected, at);
        } else if (event instanceof RequestCancelledEvent cancelled) {
            return current.cancelled(cancelled, at);
        } else if (event instanceof RequestExecutionAttemptFailedEvent attemptFailed) {
            return current.executionAttemptFailed(attemptFailed, at);
        } else if (event instanceof RequestExecutedEvent executed) {
            return current.executed(executed, at);
        } else if (event instanceof RequestExecutionFailedEvent failed) {
            return current.executionFailed(failed, at);
        } else if (event instanceof RequestExecutionRetriedEvent retried) {
            return current.executionRetried(retried, at);
        } else if (event instanceof RequestNumberedEvent numbered) {
            return current.numbered(numbered);
        }
        return current;
    }

    public static RequestView submitted(RequestSubmittedEvent event, Instant at) {
        long millis = at.toEpochMilli();
        return new RequestView(event.requestId(), refId(event.orgId(), event.requestId()), event.requestNumber(),
                event.orgId(), event.requestType(), event.baseType(), event.referenceId(), RequestState.PENDING,
                event.requesterId(), null, null, event.reason(), null, null, null, event.clientAutoApprove(), millis,
                millis, event.requestAttributes(), null);
    }

    public RequestView approved(RequestApprovedEvent event, Instant at) {
        return decided(state.after(event), event.checkerId(), event.comment(), event.approvalType(),
                event.approvalRule(), event.adjustment(), event.executionRequired()
                        ? ExecutionView.started(requestId, 1) : ExecutionView.notConfigured(), at);
    }

    public RequestView rejected(RequestRejectedEvent event, Instant at) {
        return decided(state.after(event), event.checkerId(), event.comment(), null, null, null, null, at);
    }

    public RequestView cancelled(RequestCancelledEvent event, Instant at) {
        return decided(state.after(event), null, event.comment(), null, null, null, null, at);
    }

    /** Numbered later (submitted before requests were numbered): nothing else changes, not even its time. */
    public RequestView numbered(RequestNumberedEvent event) {
        return new RequestView(requestId, refId, event.requestNumber(), orgId, requestType, baseType, referenceId,
                state, requesterId, checkerId, comment, reason, approvalType, approvalRule, approvedValue,
                clientAutoApprove, createdAt, updateTime, requestAttributes, execution);
    }

    public RequestView executionAttemptFailed(RequestExecutionAttemptFailedEvent event, Instant at) {
        return executing(state.after(event), execution.attempted(ExecutionView.Status.EXECUTING, event.attempt(),
                event.nextAttemptAt()), at);
    }

    public RequestView executed(RequestExecutedEvent event, Instant at) {
        return executing(state.after(event), execution.attempted(ExecutionView.Status.SUCCEEDED, event.attempt(),
                null), at);
    }

    public RequestView executionFailed(RequestExecutionFailedEvent event, Instant at) {
        return executing(state.after(event), execution.attempted(ExecutionView.Status.FAILED, event.attempt(),
                null), at);
    }

    public RequestView executionRetried(RequestExecutionRetriedEvent event, Instant at) {
        return executing(state.after(event), ExecutionView.started(requestId, event.round()), at);
    }

    private RequestView decided(RequestState newState, Long newCheckerId, String newComment,
                                ApprovalType newApprovalType, String newApprovalRule, Adjustment newApprovedValue,
                                ExecutionView newExecution, Instant at) {
        return new RequestView(requestId, refId, requestNumber, orgId, requestType, baseType, referenceId, newState,
                requesterId, newCheckerId, newComment, reason, newApprovalType, newApprovalRule, newApprovedValue,
                clientAutoApprove, createdAt, at.toEpochMilli(), requestAttributes, newExecution);
    }

    private RequestView executing(RequestState newState, ExecutionView newExecution, Instant at) {
        return decided(newState, checkerId, comment, approvalType, approvalRule, approvedValue, newExecution, at);
    }
}
