package com.requestworkflows.api.request;

/**
 * A pending request was approved: by a checker ({@code checkerId} set, {@code approvalType} null) or by the service
 * itself ({@code checkerId} null, {@code approvalType} and, for org rules, {@code approvalRule} set).
 */
public record RequestApprovedEvent(String requestId,
                                   long orgId,
                                   Long checkerId,
                                   String comment,
                                   ApprovalType approvalType,
                                   String approvalRule) {

    public static RequestApprovedEvent byChecker(String requestId, long orgId, long checkerId, String comment) {
        return new RequestApprovedEvent(requestId, orgId, checkerId, comment, null, null);
    }
}
