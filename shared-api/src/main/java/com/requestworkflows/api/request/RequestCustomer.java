package com.requestworkflows.api.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer a request is about, by the identifiers its attributes name (as the member-care API names them:
 * {@code mobile}, {@code email}, {@code external_id}, {@code id}): where each request type keeps its customer.
 * Empty when the type names none, or several (a badge issued to many).
 */
public final class RequestCustomer {

    public static final List<String> IDENTIFIERS = List.of("mobile", "email", "external_id", "id");

    private RequestCustomer() {
    }

    /** The identifiers given for the request's customer, in {@link #IDENTIFIERS} order, as text. */
    public static Map<String, String> identifiers(RequestType type, RequestAttributes attributes) {
        Map<String, Object> body = attributes == null ? null : attributes.body();
        Map<String, Object> query = attributes == null ? null : attributes.queryParams();
        return switch (type) {
            case POINTS_REDEMPTION -> named(object(object(object(body, "root"), "redeem"), "customer"));
            case CUSTOMER_STATUS_CHANGE -> query == null ? Map.of()
                    : named(single(String.valueOf(query.get("identifierName")), query.get("identifierValue")));
            case GOODWILL_POINTS -> body != null && "CUSTOMER".equalsIgnoreCase(String.valueOf(body.get("earningEntityType")))
                    ? named(single("id", body.get("earningEntityId"))) : Map.of();
            case EARN_BADGE -> body == null ? Map.of() : named(single("id", body.get("customerId")));
            case ISSUE_BADGE -> Map.of();
            case CHANGE_IDENTIFIER, TRANSACTION_UPDATE, GOODWILL -> named(object(body, "customer"));
        };
    }

    /** The known identifiers among {@code customer}'s members, in {@link #IDENTIFIERS} order. */
    public static Map<String, String> named(Map<?, ?> customer) {
        Map<String, String> identifiers = new LinkedHashMap<>();
        if (customer != null) {
            for (String name : IDENTIFIERS) {
                String value = valueOf(customer.get(name));
                if (value != null && !value.isBlank()) {
                    identifiers.put(name, value);
                }
            }
        }
        return identifiers;
    }

    private static Map<String, Object> single(String name, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(name, value);
        return one;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> parent, String field) {
        return parent != null && parent.get(field) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    private static String valueOf(Object value) {
        return value == null || value instanceof Map || value instanceof List ? null : String.valueOf(value);
    }
}
