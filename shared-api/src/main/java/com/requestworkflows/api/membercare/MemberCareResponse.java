package com.requestworkflows.api.membercare;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The member-care API's (v1.1) answer: {@code {"response": {"status": {...}, "requests": {"request": [...]}}}}.
 * {@code status.code} is 200 when every item succeeded, 201 when some did and 400 when none did (or the call as a
 * whole was refused, with the code that says why).
 */
public record MemberCareResponse(Body response) {

    public static final int ALL_SUCCEEDED = 200;
    public static final int SOME_SUCCEEDED = 201;
    public static final int NONE_SUCCEEDED = 400;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(Status status, Requests requests) {
    }

    public record Status(boolean success, int code, String message) {
    }

    public record Requests(List<?> request) {
    }

    /** The answer to a batch, its overall status from the items' own. */
    public static MemberCareResponse ofItems(List<MemberCareItem> items) {
        long succeeded = items.stream().filter(item -> item.itemStatus().success()).count();
        Status status;
        if (succeeded == items.size()) {
            status = new Status(true, ALL_SUCCEEDED, "Success");
        } else if (succeeded > 0) {
            status = new Status(true, SOME_SUCCEEDED, "Some requests failed");
        } else {
            status = new Status(false, NONE_SUCCEEDED, "All requests have failed due to errors");
        }
        return new MemberCareResponse(new Body(status, new Requests(items)));
    }

    /** A listing's answer (every row found). */
    public static MemberCareResponse ofRows(List<?> rows) {
        return new MemberCareResponse(new Body(new Status(true, ALL_SUCCEEDED, "Success"), new Requests(rows)));
    }

    /** The call as a whole refused, before any item was looked at: nothing was stored. */
    public static MemberCareResponse refused(int code, String message) {
        return new MemberCareResponse(new Body(new Status(false, code, message), null));
    }
}
