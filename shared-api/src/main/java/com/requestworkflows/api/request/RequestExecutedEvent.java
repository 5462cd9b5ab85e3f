package com.requestworkflows.api.request;

import org.axonframework.serialization.Revision;

/** The loyalty platform carried out the approved action (2xx): the request is approved for good. */
@Revision("1")
public record RequestExecutedEvent(String requestId, long orgId, int round, ExecutionAttempt attempt) implements RequestEvent {
}
