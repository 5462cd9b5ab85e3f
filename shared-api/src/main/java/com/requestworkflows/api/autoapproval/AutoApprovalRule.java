package com.requestworkflows.api.autoapproval;

import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.request.BaseType;
import com.requestworkflows.api.request.RequestType;

import java.util.Arrays;

/**
 * Per-org rules that approve a request as soon as it is submitted: the reference's member-care configs for
 * identifier changes, and one flag per request type.
 */
public enum AutoApprovalRule {
    CI_EMAIL_AUTO_APPROVE(RequestType.CHANGE_IDENTIFIER, BaseType.EMAIL),
    CI_MOBILE_AUTO_APPROVE(RequestType.CHANGE_IDENTIFIER, BaseType.MOBILE),
    CI_EXTID_AUTO_APPROVE(RequestType.CHANGE_IDENTIFIER, BaseType.EXTERNAL_ID),
    CI_ADDRESS_AUTO_APPROVE(RequestType.CHANGE_IDENTIFIER, BaseType.ADDRESS),
    CI_MERGE_AUTO_APPROVE(RequestType.CHANGE_IDENTIFIER, BaseType.MERGE),
    CI_MOBILEREALLOC_AUTO_APPROVE(RequestType.CHANGE_IDENTIFIER, BaseType.MOBILE_REALLOC),
    POINTS_REDEMPTION_AUTO_APPROVE(RequestType.POINTS_REDEMPTION, null),
    CUSTOMER_STATUS_CHANGE_AUTO_APPROVE(RequestType.CUSTOMER_STATUS_CHANGE, null),
    GOODWILL_POINTS_AUTO_APPROVE(RequestType.GOODWILL_POINTS, null),
    EARN_BADGE_AUTO_APPROVE(RequestType.EARN_BADGE, null),
    ISSUE_BADGE_AUTO_APPROVE(RequestType.ISSUE_BADGE, null),
    CHANGE_IDENTIFIER_AUTO_APPROVE(RequestType.CHANGE_IDENTIFIER, null),
    TRANSACTION_UPDATE_AUTO_APPROVE(RequestType.TRANSACTION_UPDATE, null),
    GOODWILL_AUTO_APPROVE(RequestType.GOODWILL, null);

    private final RequestType requestType;
    private final BaseType baseType;

    AutoApprovalRule(RequestType requestType, BaseType baseType) {
        this.requestType = requestType;
        this.baseType = baseType;
    }

    public RequestType requestType() {
        return requestType;
    }

    /** The base type the rule is limited to, or null when it covers every request of its type. */
    public BaseType baseType() {
        return baseType;
    }

    public boolean covers(RequestType type, BaseType base) {
        return requestType == type && (baseType == null || baseType == base);
    }

    public static AutoApprovalRule parse(String field, String value) {
        return Arrays.stream(values())
                .filter(rule -> rule.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException(field,
                        "'" + value + "' is not an auto-approval rule; one of " + Arrays.toString(values())));
    }
}
