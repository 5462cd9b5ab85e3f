package com.requestworkflows.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;
import java.util.Set;

/**
 * @param adjustment     the value the checker changes as they approve, as given ({@code {"points": 50}}); null when
 *                       they approve the request as it is
 * @param decidableTypes the request types the checker may decide; empty means every type
 */
public record ApproveRequestCommand(@TargetAggregateIdentifier String requestId,
                                    long orgId,
                                    long checkerId,
                                    String comment,
                                    Map<String, Object> adjustment,
                                    Set<RequestType> decidableTypes) {

    public ApproveRequestCommand {
        decidableTypes = decidableTypes == null ? Set.of() : Set.copyOf(decidableTypes);
    }

    /** A decision by a checker who may decide every type, approving the request as it is. */
    public ApproveRequestCommand(String requestId, long orgId, long checkerId, String comment) {
        this(requestId, orgId, checkerId, comment, null, Set.of());
    }
}
