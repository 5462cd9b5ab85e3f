package com.requestworkflows.api.request;

import org.axonframework.serialization.Revision;

/**
 * A pending request was approved: by a checker ({@code checkerId} set, {@code approvalType} null) or by the service
 * itself ({@code checkerId} null, {@code approvalType} and, for org rules, {@code approvalRule} set).
 * {@code executionRequired}: its action is to be carried out against the loyalty platform (a target is configured
 * for its type); false means approved as it is, without a call. {@code adjustment}: the value the checker changed
 * while approving (revision 3), null when they approved the request as it was.
 */
@Revision("3")
public record RequestApprovedEvent(String requestId,
                                   long orgId,
                                   Long checkerId,
                                   String comment,
                                   ApprovalType approvalType,
                                   String approvalRule,
                                   boolean executionRequired,
                                   Adjustment adjustment) implements RequestEvent {

    public static RequestApprovedEvent byChecker(String requestId, long orgId, long checkerId, String comment,
                                                 boolean executionRequired, Adjustment adjustment) {
        return new RequestApprovedEvent(requestId, orgId, checkerId, comment, null, null, executionRequired,
                adjustment);
    }

    /** Approved by the service itself: at the client's request or by one of the org's rules. */
    public static RequestApprovedEvent automatically(String requestId, long orgId, ApprovalType type, String rule,
                                                     String comment, boolean executionRequired) {
        return new RequestApprovedEvent(requestId, orgId, null, comment, type, rule, executionRequired, null);
    }
}
