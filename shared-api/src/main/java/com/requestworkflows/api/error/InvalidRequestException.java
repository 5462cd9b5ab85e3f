package com.requestworkflows.api.error;

import java.util.Map;

/** Input that is missing or malformed; {@code field} names where, as a dotted path into the submitted JSON. */
public class InvalidRequestException extends RequestWorkflowException {

    private final String field;

    public InvalidRequestException(String field, String problem) {
        super(400, "Invalid request", 9014, field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("field", field);
    }
}
