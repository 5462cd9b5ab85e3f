package com.requestworkflows.api.error;

import java.util.HashMap;
import java.util.Map;

/**
 * A reference id is unique per org; the answer names the request that already holds it (its id and number), where
 * known.
 */
public class DuplicateReferenceIdException extends RequestWorkflowException {

    private final long orgId;
    private final String referenceId;
    private final String existingRequestId;
    private final Long existingRequestNumber;

    public DuplicateReferenceIdException(long orgId, String referenceId, String existingRequestId) {
        this(orgId, referenceId, existingRequestId, null);
    }

    public DuplicateReferenceIdException(long orgId, String referenceId, String existingRequestId,
                                         Long existingRequestNumber) {
        super(409, "Reference id already used", ErrorCodes.DUPLICATE_REFERENCE_ID,
                "Reference id '" + referenceId + "' is already used by request "
                        + (existingRequestNumber != null ? existingRequestNumber : existingRequestId));
        this.orgId = orgId;
        this.referenceId = referenceId;
        this.existingRequestId = existingRequestId;
        this.existingRequestNumber = existingRequestNumber;
    }

    public long orgId() {
        return orgId;
    }

    public String referenceId() {
        return referenceId;
    }

    public Long existingRequestNumber() {
        return existingRequestNumber;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("referenceId", referenceId);
        properties.put("existingRequestId", existingRequestId);
        properties.put("existingRequestNumber", existingRequestNumber);
        return properties;
    }
}
