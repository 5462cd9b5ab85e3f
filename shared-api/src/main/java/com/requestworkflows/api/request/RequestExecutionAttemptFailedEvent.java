package com.requestworkflows.api.request;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A call to the loyalty platform failed in a way worth retrying; the next attempt is due at {@code nextAttemptAt}. */
@Revision("1")
public record RequestExecutionAttemptFailedEvent(String requestId, long orgId, int round, ExecutionAttempt attempt,
                                                 Instant nextAttemptAt) implements RequestEvent {
}
