package com.requestworkflows.api.request;

/** The loyalty platform refused the action (4xx), or every attempt failed: the request ends failed. */
public record RequestExecutionFailedEvent(String requestId, long orgId, int round, ExecutionAttempt attempt) implements RequestEvent {
}
