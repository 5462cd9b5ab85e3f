package com.requestworkflows.api.request;

/**
 * Why a request was approved without a checker, in the reference's {@code approval_type} vocabulary:
 * {@code CLIENT} when the submitter asked for it ({@code clientAutoApprove}), {@code CONFIG} when an org rule did.
 */
public enum ApprovalType {
    CLIENT,
    CONFIG
}
