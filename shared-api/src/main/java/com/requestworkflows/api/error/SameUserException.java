package com.requestworkflows.api.error;

/** Four-eyes rule: whoever made a request can never decide it. */
public class SameUserException extends RequestWorkflowException {

    public SameUserException() {
        super(403, "Same user cannot request and approve", ErrorCodes.SAME_USER,
                "The requester of a request cannot approve or reject it; another checker must decide");
    }
}
