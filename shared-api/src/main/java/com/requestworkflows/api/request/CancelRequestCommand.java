package com.requestworkflows.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The maker withdraws a request that is still pending. */
public record CancelRequestCommand(@TargetAggregateIdentifier String requestId,
                                   long orgId,
                                   long requesterId,
                                   String comment) {
}
