package com.requestworkflows.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The executor reports one call. {@code round} and the attempt's number must be the ones the request expects, so a
 * report sent twice (after a crash) changes nothing. When the attempt can be retried, {@code nextAttemptAt} is when,
 * unless it was the last of {@code maxAttempts}.
 */
public record RecordExecutionAttemptCommand(@TargetAggregateIdentifier String requestId,
                                            int round,
                                            ExecutionAttempt attempt,
                                            int maxAttempts,
                                            Instant nextAttemptAt) {
}
