package com.requestworkflows.api.error;

/** Only a request whose execution failed can be executed again. */
public class ExecutionNotRetryableException extends RequestWorkflowException {

    public ExecutionNotRetryableException(String requestId, String state) {
        super(409, "Execution cannot be retried", ErrorCodes.INVALID_STATUS,
                "Request " + requestId + " is " + state + "; only a failed execution can be retried");
    }
}
