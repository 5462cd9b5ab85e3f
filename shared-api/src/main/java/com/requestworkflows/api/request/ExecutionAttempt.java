package com.requestworkflows.api.request;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one call to the loyalty platform answered: its HTTP status and body, or, when no answer came (timeout, no
 * connection), the error. Bodies are kept as text, cut to a bounded length.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutionAttempt(int attempt, Integer httpStatus, String responseBody, String error) {

    public boolean succeeded() {
        return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }

    /** A refusal the platform will repeat however often it is asked (a 4xx other than timeout and rate limit). */
    public boolean refused() {
        return httpStatus != null && httpStatus >= 400 && httpStatus < 500 && httpStatus != 408 && httpStatus != 429;
    }
}
