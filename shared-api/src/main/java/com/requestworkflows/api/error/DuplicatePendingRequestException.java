package com.requestworkflows.api.error;

import java.util.HashMap;
import java.util.Map;

/**
 * The same change for the same customer is pending already (see the duplicate-pending rule): the answer names that
 * request, where known, so the caller can look at it instead of asking twice.
 */
public class DuplicatePendingRequestException extends RequestWorkflowException {

    private final String pendingRequestId;
    private final Long pendingRequestNumber;

    public DuplicatePendingRequestException(String pendingRequestId, Long pendingRequestNumber) {
        super(409, "A pending request for this change exists", ErrorCodes.DUPLICATE_PENDING_REQUEST,
                "The same change for this customer is pending already as request "
                        + (pendingRequestNumber == null ? pendingRequestId : pendingRequestNumber)
                        + "; decide or withdraw it first");
        this.pendingRequestId = pendingRequestId;
        this.pendingRequestNumber = pendingRequestNumber;
    }

    public String pendingRequestId() {
        return pendingRequestId;
    }

    public Long pendingRequestNumber() {
        return pendingRequestNumber;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("pendingRequestId", pendingRequestId);
        properties.put("pendingRequestNumber", pendingRequestNumber);
        return properties;
    }
}
