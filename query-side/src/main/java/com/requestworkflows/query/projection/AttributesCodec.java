package com.requestworkflows.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Stores submitted JSON as text inside view documents. Request attributes are free-form: their keys may contain
 * dots or start with {@code $}, which MongoDB documents cannot hold as field names, and they must come back
 * exactly as sent.
 */
@Component
public class AttributesCodec {

    private final ObjectMapper objectMapper;

    public AttributesCodec(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public String write(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("View value cannot be written as JSON", e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored view JSON cannot be read", e);
        }
    }
}
