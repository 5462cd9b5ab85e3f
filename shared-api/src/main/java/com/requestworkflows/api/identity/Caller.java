package com.requestworkflows.api.identity;

import java.util.Set;

/** The authenticated user behind a call: ids always come from here, never from a request body. */
public record Caller(long userId, long orgId, String username, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
