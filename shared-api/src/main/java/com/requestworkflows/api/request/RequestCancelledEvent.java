package com.requestworkflows.api.request;

public record RequestCancelledEvent(String requestId, long orgId, long requesterId, String comment) implements RequestEvent {
}
