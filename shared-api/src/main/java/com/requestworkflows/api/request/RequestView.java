package com.requestworkflows.api.request;

import java.time.Instant;

/**
 * A request as it stands after a sequence of its events. The aggregate answers commands with it and the query side
 * stores it, so both derive it from events in this one place. Times are epoch milliseconds, as in the reference;
 * every field is always present, null where it does not apply yet.
 */
public record RequestView(String requestId,
                          String refId,
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
                          long createdAt,
                          long updateTime,
                          RequestAttributes requestAttributes) {

    /** The reference's {@code refId}: the org and the request id joined by an underscore. */
    public static String refId(long orgId, String requestId) {
        return orgId + "_" + requestId;
    }

    public static RequestView submitted(RequestSubmittedEvent event, Instant at) {
        long millis = at.toEpochMilli();
        return new RequestView(event.requestId(), refId(event.orgId(), event.requestId()), event.orgId(),
                event.requestType(), event.baseType(), event.referenceId(), RequestState.PENDING, event.requesterId(),
                null, null, event.reason(), null, null, millis, millis, event.requestAttributes());
    }

    public RequestView approved(RequestApprovedEvent event, Instant at) {
        return decided(RequestState.APPROVED, event.checkerId(), event.comment(), event.approvalType(),
                event.approvalRule(), at);
    }

    public RequestView rejected(RequestRejectedEvent event, Instant at) {
        return decided(RequestState.REJECTED, event.checkerId(), event.comment(), null, null, at);
    }

    public RequestView cancelled(RequestCancelledEvent event, Instant at) {
        return decided(RequestState.CANCELLED, null, event.comment(), null, null, at);
    }

    private RequestView decided(RequestState newState, Long newCheckerId, String newComment,
                                ApprovalType newApprovalType, String newApprovalRule, Instant at) {
        return new RequestView(requestId, refId, orgId, requestType, baseType, referenceId, newState, requesterId,
                newCheckerId, newComment, reason, newApprovalType, newApprovalRule, createdAt, at.toEpochMilli(),
                requestAttributes);
    }
}
