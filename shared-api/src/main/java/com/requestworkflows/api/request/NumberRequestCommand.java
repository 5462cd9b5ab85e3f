package com.requestworkflows.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives a request submitted before requests were numbered its number; a request that has one keeps it. */
public record NumberRequestCommand(@TargetAggregateIdentifier String requestId) {
}
