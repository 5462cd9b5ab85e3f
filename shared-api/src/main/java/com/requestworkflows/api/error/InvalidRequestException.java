package com.requestworkflows.api.error;

import java.util.Map;

/**
 * Input that is missing or malformed; {@code field} names where, as a dotted path into the submitted JSON. The code
 * is the reference's: 9014 (insufficient request) unless a more precise one applies, such as 9006 for an unknown
 * request type.
 */
public class InvalidRequestException extends RequestWorkflowException {

    private final String field;

    public InvalidRequestException(String field, String problem) {
        this(field, problem, ErrorCodes.INSUFFICIENT_REQUEST);
    }

    public InvalidRequestException(String field, String problem, int code) {
        super(400, "Invalid request", code, field + " " + problem);
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
