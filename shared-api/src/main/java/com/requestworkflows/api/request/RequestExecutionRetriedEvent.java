package com.requestworkflows.api.request;

import org.axonframework.serialization.Revision;

/** An admin started a failed request's execution again, as a new round with fresh attempts. */
@Revision("1")
public record RequestExecutionRetriedEvent(String requestId, long orgId, int round, long retriedBy) implements RequestEvent {
}
