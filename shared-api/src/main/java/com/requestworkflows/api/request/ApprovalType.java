package com.requestworkflows.api.request;

/**
 * How a request came to be decided, in the reference's {@code approval_type} vocabulary. The service approves by
 * itself when the submitter asked for it ({@code CLIENT}, {@code clientAutoApprove}) or an org rule did
 * ({@code CONFIG}); otherwise a checker decided, because the submitter turned automatic approval off
 * ({@code CLIENT_DISABLED}: {@code clientAutoApprove} false, which overrides the rules) or no rule covered it
 * ({@code CONFIG_DISABLED}).
 */
public enum ApprovalType {
    CLIENT,
    CONFIG,
    CLIENT_DISABLED,
    CONFIG_DISABLED;

    /** Why a checker had to decide a request whose submitter said {@code clientAutoApprove} (null: nothing). */
    public static ApprovalType ofCheckerDecision(Boolean clientAutoApprove) {
        return Boolean.FALSE.equals(clientAutoApprove) ? CLIENT_DISABLED : CONFIG_DISABLED;
    }
}
