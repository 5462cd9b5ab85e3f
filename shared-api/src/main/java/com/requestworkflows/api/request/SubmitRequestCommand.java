package com.requestworkflows.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A maker asks for a change. {@code clientAutoApprove}: true asks the service to approve it without a checker,
 * false keeps it for a checker whatever the org's rules say, null leaves it to the rules.
 */
public record SubmitRequestCommand(@TargetAggregateIdentifier String requestId,
                                   long orgId,
                                   long requesterId,
                                   RequestType requestType,
                                   BaseType baseType,
                                   String referenceId,
                                   String reason,
                                   RequestAttributes requestAttributes,
                                   Boolean clientAutoApprove) {
}
