package com.requestworkflows.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectRequestCommand(@TargetAggregateIdentifier String requestId,
                                   long orgId,
                                   long checkerId,
                                   String comment) {
}
