package com.requestworkflows.api.error;

/** Two decisions raced on one request and this one lost: the caller should reload and look again. */
public class ConcurrentChangeException extends RequestWorkflowException {

    public ConcurrentChangeException(String requestId) {
        super(409, "Request changed concurrently", ErrorCodes.INVALID_STATUS,
                "Request " + requestId + " was changed by someone else at the same moment; reload it");
    }
}
