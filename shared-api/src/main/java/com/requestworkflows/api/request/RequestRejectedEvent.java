package com.requestworkflows.api.request;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RequestRejectedEvent(String requestId, long orgId, long checkerId, String comment) implements RequestEvent {
}
