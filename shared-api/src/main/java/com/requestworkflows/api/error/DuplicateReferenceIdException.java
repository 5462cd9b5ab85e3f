package com.requestworkflows.api.error;

import java.util.HashMap;
import java.util.Map;

/** A reference id is unique per org; the answer names the request that already holds it, where known. */
public class DuplicateReferenceIdException extends RequestWorkflowException {

    private final long orgId;
    private final String referenceId;
    private final String existingRequestId;

    public DuplicateReferenceIdException(long orgId, String referenceId, String existingRequestId) {
        super(409, "Reference id already used", null,
                "Reference id '" + referenceId + "' is already used by request " + existingRequestId);
        this.orgId = orgId;
        this.referenceId = referenceId;
        this.existingRequestId = existingRequestId;
    }

    public long orgId() {
        return orgId;
    }

    public String referenceId() {
        return referenceId;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("referenceId", referenceId);
        properties.put("existingRequestId", existingRequestId);
        return properties;
    }
}
