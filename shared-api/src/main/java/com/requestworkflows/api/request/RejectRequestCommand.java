package com.requestworkflows.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** @param decidableTypes the request types the checker may decide; empty means every type */
public record RejectRequestCommand(@TargetAggregateIdentifier String requestId,
                                   long orgId,
                                   long checkerId,
                                   String comment,
                                   Set<RequestType> decidableTypes) {

    public RejectRequestCommand {
        decidableTypes = decidableTypes == null ? Set.of() : Set.copyOf(decidableTypes);
    }

    /** A decision by a checker who may decide every type. */
    public RejectRequestCommand(String requestId, long orgId, long checkerId, String comment) {
        this(requestId, orgId, checkerId, comment, Set.of());
    }
}
