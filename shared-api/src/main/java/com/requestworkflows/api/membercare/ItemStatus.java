package com.requestworkflows.api.membercare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.requestworkflows.api.error.RequestWorkflowException;

/**
 * How one item of a member-care batch fared. {@code existing_id}: the request that stands in the item's way (the one
 * holding its reference id, or the same change pending), where known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemStatus(boolean success, int code, String message, @JsonProperty("existing_id") Long existingId) {

    public static final ItemStatus SUCCESS = new ItemStatus(true, 200, "Success", null);

    public static ItemStatus refused(RequestWorkflowException refusal, Long existingId) {
        return new ItemStatus(false, refusal.code(), refusal.getMessage(), existingId);
    }
}
