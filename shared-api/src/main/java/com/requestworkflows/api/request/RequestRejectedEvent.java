package com.requestworkflows.api.request;

public record RequestRejectedEvent(String requestId, long orgId, long checkerId, String comment) implements RequestEvent {
}
