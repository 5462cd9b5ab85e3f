package com.requestworkflows.api.error;

/**
 * The error codes a caller may meet, in one place: the reference system's (9001 to 9052, 1012, 1060) where it has
 * one for the case, and this service's own from 9101 where it has none. Both API generations carry them: the JSON
 * API in a problem's {@code code}, the member-care API in each item's {@code item_status.code}.
 */
public final class ErrorCodes {

    public static final int RETRIEVE_FAILED = 9001;
    public static final int INVALID_TYPE = 9006;
    public static final int INVALID_BASE_TYPE = 9008;
    public static final int INTERNAL_ERROR = 9009;
    public static final int INSUFFICIENT_REQUEST = 9014;
    public static final int DATE_FORMAT = 9016;
    public static final int INVALID_COUPON_SERIES = 9017;
    public static final int REQUESTED_IN_THE_FUTURE = 9021;
    public static final int NOT_FOUND = 9050;
    public static final int SAME_USER = 9051;
    public static final int INVALID_STATUS = 9052;
    public static final int BATCH_TOO_LARGE = 1060;
    public static final int DUPLICATE_REFERENCE_ID = 9101;
    public static final int DUPLICATE_PENDING_REQUEST = 9102;
    public static final int NOT_ALLOWED = 9103;

    private ErrorCodes() {
    }
}
