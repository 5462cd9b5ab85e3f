package com.requestworkflows.api.request;

import com.requestworkflows.api.error.ErrorCodes;
import com.requestworkflows.api.error.InvalidRequestException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of change a maker can ask for. The wire form is always the underscore spelling; the reference system
 * also uses {@code CUSTOMER-STATUS-CHANGE} (paths) and {@code customer-status-change} (responses), so both are
 * accepted on input.
 */
public enum RequestType {
    POINTS_REDEMPTION,
    CUSTOMER_STATUS_CHANGE,
    GOODWILL_POINTS,
    EARN_BADGE,
    ISSUE_BADGE,
    CHANGE_IDENTIFIER(BaseType.MOBILE, BaseType.EMAIL, BaseType.EXTERNAL_ID, BaseType.ADDRESS, BaseType.MERGE,
            BaseType.MOBILE_REALLOC),
    TRANSACTION_UPDATE(BaseType.RETRO),
    GOODWILL(BaseType.POINTS, BaseType.COUPONS);

    private final Set<BaseType> baseTypes;

    RequestType(BaseType... baseTypes) {
        this.baseTypes = Set.of(baseTypes);
    }

    /** The base types this request type requires one of; empty when it takes none. */
    public Set<BaseType> baseTypes() {
        return baseTypes;
    }

    public static RequestType parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "is required; one of " + Arrays.toString(values()),
                    ErrorCodes.INVALID_TYPE);
        }
        String normalized = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(type -> type.name().equals(normalized))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException(field,
                        "'" + value + "' is not a request type; one of " + Arrays.toString(values()),
                        ErrorCodes.INVALID_TYPE));
    }

    /** Checks the base type against this request type: required where the type has base types, refused otherwise. */
    public BaseType parseBaseType(String field, String value) {
        if (baseTypes.isEmpty()) {
            if (value != null && !value.isBlank()) {
                throw new InvalidRequestException(field, "is not used by request type " + this,
                        ErrorCodes.INVALID_BASE_TYPE);
            }
            return null;
        }
        String allowed = baseTypes.stream().map(Enum::name).sorted().collect(Collectors.joining(", ", "[", "]"));
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "is required for request type " + this + "; one of " + allowed,
                    ErrorCodes.INVALID_BASE_TYPE);
        }
        String normalized = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        return baseTypes.stream()
                .filter(baseType -> baseType.name().equals(normalized))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException(field,
                        "'" + value + "' is not a base type of " + this + "; one of " + allowed,
                        ErrorCodes.INVALID_BASE_TYPE));
    }
}
