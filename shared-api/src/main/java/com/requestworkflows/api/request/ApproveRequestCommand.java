package com.requestworkflows.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveRequestCommand(@TargetAggregateIdentifier String requestId,
                                    long orgId,
                                    long checkerId,
                                    String comment) {
}
