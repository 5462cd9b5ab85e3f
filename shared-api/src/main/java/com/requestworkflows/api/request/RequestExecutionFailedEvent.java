package com.requestworkflows.api.request;

import org.axonframework.serialization.Revision;

/** The loyalty platform refused the action (4xx), or every attempt failed: the request ends failed. */
@Revision("1")
public record RequestExecutionFailedEvent(String requestId, long orgId, int round, ExecutionAttempt attempt) implements RequestEvent {
}
