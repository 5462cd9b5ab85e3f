package com.requestworkflows.api.request;

import org.axonframework.serialization.Revision;

/**
 * A pending request was approved: by a checker ({@code checkerId} set, {@code approvalType} null) or by the service
 * itself ({@code checkerId} null, {@code approvalType} and, for org rules, {@code approvalRule} set).
 * {@code executionRequired}: its action is to be carried out against the loyalty platform (a target is configured
 * for its type); false means approved as it is, without a call.
 */
@Revision("2")
public record RequestApprovedEvent(String requestId,
                                   long orgId,
                                   Long checkerId,
                                   String comment,
                                   ApprovalType approvalType,
                                   String approvalRule,
                                   boolean executionRequired) implements RequestEvent {

    public static RequestApprovedEvent byChecker(String requestId, long orgId, long checkerId, String comment,
                                                 boolean executionRequired) {
        return new RequestApprovedEvent(requestId, orgId, checkerId, comment, null, null, executionRequired);
    }
}
