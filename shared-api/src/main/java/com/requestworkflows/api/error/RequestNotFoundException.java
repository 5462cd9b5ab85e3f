package com.requestworkflows.api.error;

/** Unknown id, or an id of another org: both answer the same so that no org learns about another's requests. */
public class RequestNotFoundException extends RequestWorkflowException {

    public RequestNotFoundException(String requestId) {
        super(404, "Request not found", ErrorCodes.NOT_FOUND, "No request with id " + requestId);
    }
}
