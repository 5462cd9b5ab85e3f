package com.requestworkflows.api.request;

/** An admin started a failed request's execution again, as a new round with fresh attempts. */
public record RequestExecutionRetriedEvent(String requestId, long orgId, int round, long retriedBy) implements RequestEvent {
}
