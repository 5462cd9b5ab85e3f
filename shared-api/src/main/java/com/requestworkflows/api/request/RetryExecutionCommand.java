package com.requestworkflows.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin starts the execution of a failed request again. */
public record RetryExecutionCommand(@TargetAggregateIdentifier String requestId, long orgId, long adminId) {
}
