package com.requestworkflows.command.duplicatepending;

import com.requestworkflows.api.request.RequestType;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which request types the duplicate-pending rule covers ({@code requests.duplicate-pending.request-types}): a second
 * pending request of such a type for the same customer is refused. Identifier changes by default; an empty list
 * turns the rule off.
 */
@ConfigurationProperties("requests.duplicate-pending")
public record DuplicatePendingProperties(Set<RequestType> requestTypes) {

    public DuplicatePendingProperties {
        requestTypes = requestTypes == null ? EnumSet.of(RequestType.CHANGE_IDENTIFIER) : Set.copyOf(requestTypes);
    }
}
