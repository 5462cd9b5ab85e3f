package com.requestworkflows.api.request;

/** The loyalty platform carried out the approved action (2xx): the request is approved for good. */
public record RequestExecutedEvent(String requestId, long orgId, int round, ExecutionAttempt attempt) implements RequestEvent {
}
