package com.requestworkflows.query.reporting;

import com.requestworkflows.api.request.ApprovalType;
import com.requestworkflows.api.request.BaseType;
import com.requestworkflows.api.request.RequestApprovedEvent;
import com.requestworkflows.api.request.RequestCancelledEvent;
import com.requestworkflows.api.request.RequestEvent;
import com.requestworkflows.api.request.RequestExecutedEvent;
import com.requestworkflows.api.request.RequestExecutionFailedEvent;
import com.requestworkflows.api.request.RequestExecutionRetriedEvent;
import com.requestworkflows.api.request.RequestRejectedEvent;
import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestSubmittedEvent;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.query.projection.SequencedDocument;
import org.springframework.data.annotation.Id;

/**
 * What the reports need of one request, in the {@code request_facts} view. Times are epoch milliseconds of the
 * events: {@code decidedAt} when it left the pending state (approved by a checker or automatically, rejected or
 * withdrawn), {@code outcomeAt} when it reached its current terminal state (for an executed approval, when the
 * platform answered), null while it is pending or executing. {@code state} is the enum name, as in the other views.
 * {@code approvalType} is null for an approval by a checker.
 */
public record RequestFact(@Id String requestId,
                          long orgId,
                          RequestType requestType,
                          BaseType baseType,
                          long requesterId,
                          Long checkerId,
                          RequestState state,
                          long submittedAt,
                          Long decidedAt,
                          Long outcomeAt,
                          ApprovalType approvalType,
                          long lastSequence) implements SequencedDocument {

    static RequestFact submitted(RequestSubmittedEvent event, long at, long sequence) {
        return new RequestFact(event.requestId(), event.orgId(), event.requestType(), event.baseType(),
                event.requesterId(), null, RequestState.PENDING, at, null, null, null, sequence);
    }

    /** Whether {@link #after} changes anything for this event: execution attempts that will be retried do not. */
    static boolean changedBy(RequestEvent event) {
        return event instanceof RequestApprovedEvent || event instanceof RequestRejectedEvent
                || event instanceof RequestCancelledEvent || event instanceof RequestExecutedEvent
                || event instanceof RequestExecutionFailedEvent || event instanceof RequestExecutionRetriedEvent;
    }

    /** The fact after one more event (its state as {@link RequestState#after} says). */
    RequestFact after(RequestEvent event, long at, long sequence) {
        if (!changedBy(event)) {
            return this;
        }
        RequestState next = state.after(event);
        Long newOutcomeAt = next.isOutcome() ? at : null;
        if (event instanceof RequestApprovedEvent approved) {
            return decided(next, approved.checkerId(), approved.approvalType(), at, newOutcomeAt, sequence);
        } else if (event instanceof RequestRejectedEvent rejected) {
            return decided(next, rejected.checkerId(), null, at, newOutcomeAt, sequence);
        } else if (event instanceof RequestCancelledEvent) {
            return decided(next, null, null, at, newOutcomeAt, sequence);
        }
        return executed(next, newOutcomeAt, sequence);
    }

    boolean pending() {
        return state == RequestState.PENDING;
    }

    /** Approved by a checker (whatever its execution then did), as opposed to rejected by one. */
    boolean approvedByChecker() {
        return checkerId != null && state != RequestState.REJECTED;
    }

    private RequestFact decided(RequestState newState, Long newCheckerId, ApprovalType newApprovalType, long at,
                                Long newOutcomeAt, long sequence) {
        return new RequestFact(requestId, orgId, requestType, baseType, requesterId, newCheckerId, newState,
                submittedAt, at, newOutcomeAt, newApprovalType, sequence);
    }

    private RequestFact executed(RequestState newState, Long newOutcomeAt, long sequence) {
        return new RequestFact(requestId, orgId, requestType, baseType, requesterId, checkerId, newState,
                submittedAt, decidedAt, newOutcomeAt, approvalType, sequence);
    }
}
