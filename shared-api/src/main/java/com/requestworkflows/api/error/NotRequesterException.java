package com.requestworkflows.api.error;

public class NotRequesterException extends RequestWorkflowException {

    public NotRequesterException() {
        super(403, "Only the requester may cancel", ErrorCodes.NOT_ALLOWED, "A pending request can be withdrawn only by the user who made it");
    }
}
