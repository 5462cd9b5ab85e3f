package com.requestworkflows.api.request;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RequestCancelledEvent(String requestId, long orgId, long requesterId, String comment) implements RequestEvent {
}
