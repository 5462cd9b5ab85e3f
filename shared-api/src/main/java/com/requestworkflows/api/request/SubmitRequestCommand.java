package com.requestworkflows.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A maker asks for a change; {@code clientAutoApprove} asks the service to approve it without a checker. */
public record SubmitRequestCommand(@TargetAggregateIdentifier String requestId,
                                   long orgId,
                                   long requesterId,
                                   RequestType requestType,
                                   BaseType baseType,
                                   String referenceId,
                                   String reason,
                                   RequestAttributes requestAttributes,
                                   boolean clientAutoApprove) {
}
