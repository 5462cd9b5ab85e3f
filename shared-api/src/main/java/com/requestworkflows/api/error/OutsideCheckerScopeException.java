package com.requestworkflows.api.error;

/** The checker may decide only some request types, and this is not one of them. */
public class OutsideCheckerScopeException extends RequestWorkflowException {

    public OutsideCheckerScopeException(String requestType) {
        super(403, "Request type outside your checker scope", ErrorCodes.NOT_ALLOWED,
                "You may not decide requests of type " + requestType);
    }
}
