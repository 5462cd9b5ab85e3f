package com.requestworkflows.api.error;

import java.util.Map;

/** Only pending requests can be decided or withdrawn; terminal states never change. */
public class RequestNotPendingException extends RequestWorkflowException {

    private final String state;

    public RequestNotPendingException(String requestId, String state) {
        super(409, "Request is not pending", ErrorCodes.INVALID_STATUS, "Request " + requestId + " is " + state + " and can no longer change");
        this.state = state;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("state", state);
    }
}
