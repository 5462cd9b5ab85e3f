package com.requestworkflows.api.request;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Where the execution of an approved request stands. {@code idempotencyKey} is sent with every call of a round, so
 * the platform can tell a retried call from a new one; an admin retry starts a new round and a new key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutionView(Status status,
                            int round,
                            int attempts,
                            String idempotencyKey,
                            ExecutionAttempt lastAttempt,
                            Long nextAttemptAt) {

    public enum Status {
        /** No target is configured for the request's type: approved without a call. */
        NOT_CONFIGURED,
        EXECUTING,
        SUCCEEDED,
        FAILED
    }

    static ExecutionView notConfigured() {
        return new ExecutionView(Status.NOT_CONFIGURED, 0, 0, null, null, null);
    }

    static ExecutionView started(String requestId, int round) {
        return new ExecutionView(Status.EXECUTING, round, 0, idempotencyKey(requestId, round), null, null);
    }

    public static String idempotencyKey(String requestId, int round) {
        return requestId + ":" + round;
    }

    ExecutionView attempted(Status newStatus, ExecutionAttempt attempt, Instant nextAttempt) {
        return new ExecutionView(newStatus, round, attempt.attempt(), idempotencyKey, attempt,
                nextAttempt == null ? null : nextAttempt.toEpochMilli());
    }
}
