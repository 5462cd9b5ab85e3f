package com.requestworkflows.command.request;

import com.requestworkflows.api.error.ErrorCodes;
import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.request.BaseType;
import com.requestworkflows.api.request.RequestAttributes;
import com.requestworkflows.api.request.RequestType;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * What each request type must carry in its {@code requestAttributes} before a checker is asked to look at it.
 * Numbers may arrive as JSON numbers or as digit strings, as they do in the reference ({@code "points_redeemed":
 * "100"}). Every refusal names the offending field by its path in the submitted JSON.
 */
final class RequestAttributeRules {

    private static final String BODY = "requestAttributes.body";
    private static final String QUERY = "requestAttributes.queryParams";
    private static final List<String> CUSTOMER_IDENTIFIERS = List.of("mobile", "email", "external_id", "id");

    private RequestAttributeRules() {
    }

    static void validate(RequestType type, BaseType baseType, RequestAttributes attributes) {
        Map<String, Object> body = attributes == null ? null : attributes.body();
        Map<String, Object> query = attributes == null ? null : attributes.queryParams();
        switch (type) {
            case POINTS_REDEMPTION -> {
                Map<String, Object> redeem = object(object(body, BODY, "root"), BODY + ".root", "redeem");
                String path = BODY + ".root.redeem";
                positiveWholeNumber(redeem, path, "points_redeemed");
                customer(redeem, path, "customer");
            }
            case CUSTOMER_STATUS_CHANGE -> {
                text(query, QUERY, "identifierName");
                text(query, QUERY, "identifierValue");
                text(body, BODY, "label");
            }
            case GOODWILL_POINTS -> {
                positiveWholeNumber(body, BODY, "points");
                text(body, BODY, "earningEntityType");
                present(body, BODY, "earningEntityId");
            }
            case EARN_BADGE -> {
                positiveWholeNumber(body, BODY, "customerId");
                text(body, BODY, "badgeMetaId");
            }
            case ISSUE_BADGE -> {
                List<?> customers = list(body, BODY, "customers");
                for (int i = 0; i < customers.size(); i++) {
                    requirePositiveWholeNumber(customers.get(i), BODY + ".customers[" + i + "]");
                }
                text(body, BODY, "badgeMetaId");
            }
            case CHANGE_IDENTIFIER -> {
                customer(body, BODY, "customer");
                if (baseType == BaseType.MERGE) {
                    customer(body, BODY, "target_customer");
                } else {
                    present(body, BODY, "new_value");
                }
            }
            case TRANSACTION_UPDATE -> {
                customer(body, BODY, "customer");
                text(body, BODY, "transaction_id");
                text(body, BODY, "new_type");
            }
            case GOODWILL -> {
                customer(body, BODY, "customer");
                if (baseType == BaseType.COUPONS) {
                    couponSeries(body, BODY, "series_id");
                } else {
                    positiveWholeNumber(body, BODY, "points");
                }
            }
        }
    }

    private static Object required(Map<String, Object> parent, String path, String field) {
        if (parent == null) {
            throw new InvalidRequestException(path, "is required");
        }
        Object value = parent.get(field);
        if (value == null) {
            throw new InvalidRequestException(path + "." + field, "is required");
        }
        return value;
    }

    private static void present(Map<String, Object> parent, String path, String field) {
        Object value = required(parent, path, field);
        if (value instanceof String text && text.isBlank()) {
            throw new InvalidRequestException(path + "." + field, "must not be blank");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> parent, String path, String field) {
        if (required(parent, path, field) instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new InvalidRequestException(path + "." + field, "must be a JSON object");
    }

    private static List<?> list(Map<String, Object> parent, String path, String field) {
        if (required(parent, path, field) instanceof List<?> list && !list.isEmpty()) {
            return list;
        }
        throw new InvalidRequestException(path + "." + field, "must be a non-empty JSON array");
    }

    private static void text(Map<String, Object> parent, String path, String field) {
        if (!(required(parent, path, field) instanceof String text) || text.isBlank()) {
            throw new InvalidRequestException(path + "." + field, "must be a non-blank string");
        }
    }

    private static void positiveWholeNumber(Map<String, Object> parent, String path, String field) {
        requirePositiveWholeNumber(required(parent, path, field), path + "." + field);
    }

    private static void couponSeries(Map<String, Object> parent, String path, String field) {
        try {
            positiveWholeNumber(parent, path, field);
        } catch (InvalidRequestException invalid) {
            throw new InvalidRequestException(invalid.field(), "must be a valid coupon series (a positive whole number)",
                    ErrorCodes.INVALID_COUPON_SERIES);
        }
    }

    /** A JSON number or a string of digits, above zero; refused naming {@code path}. */
    static long requirePositiveWholeNumber(Object value, String path) {
        BigInteger number = null;
        if (value instanceof Integer || value instanceof Long) {
            number = BigInteger.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            number = big;
        } else if (value instanceof String text && text.strip().matches("[+-]?\\d{1,19}")) {
            number = new BigInteger(text.strip());
        }
        if (number == null || number.signum() <= 0 || number.bitLength() > Long.SIZE - 1) {
            throw new InvalidRequestException(path, "must be a positive whole number (a JSON number or a string of digits)");
        }
        return number.longValueExact();
    }

    /** A customer is named by at least one identifier, as in the reference's request/add. */
    private static void customer(Map<String, Object> parent, String path, String field) {
        Map<String, Object> customer = object(parent, path, field);
        boolean identified = CUSTOMER_IDENTIFIERS.stream()
                .map(customer::get)
                .anyMatch(value -> value != null && !String.valueOf(value).isBlank());
        if (!identified) {
            throw new InvalidRequestException(path + "." + field, "must name the customer by one of " + CUSTOMER_IDENTIFIERS);
        }
    }
}
