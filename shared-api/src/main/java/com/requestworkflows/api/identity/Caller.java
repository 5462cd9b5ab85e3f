package com.requestworkflows.api.identity;

import com.requestworkflows.api.request.RequestType;

import java.util.Set;

/**
 * The authenticated user behind a call: ids always come from here, never from a request body.
 *
 * @param decidableTypes the request types this user may decide as a checker; empty means every type
 */
public record Caller(long userId, long orgId, String username, Set<Role> roles, Set<RequestType> decidableTypes) {

    public Caller {
        roles = Set.copyOf(roles);
        decidableTypes = decidableTypes == null ? Set.of() : Set.copyOf(decidableTypes);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean mayDecide(RequestType type) {
        return decidableTypes.isEmpty() || decidableTypes.contains(type);
    }
}
