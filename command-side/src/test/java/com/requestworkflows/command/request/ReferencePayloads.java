package com.requestworkflows.command.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.requestworkflows.api.request.BaseType;
import com.requestworkflows.api.request.RequestAttributes;
import com.requestworkflows.api.request.RequestType;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Valid {@code requestAttributes} per request type, parsed from JSON the way the controller receives them (so
 * {@code "100"} stays a string and {@code 20} becomes an integer). POINTS_REDEMPTION, CUSTOMER_STATUS_CHANGE,
 * GOODWILL_POINTS, EARN_BADGE and ISSUE_BADGE are the samples of the reference's advanced-request-workflow events;
 * the member-care types follow the parameters of the reference's request/add.
 */
final class ReferencePayloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "requestAttributes";

    private static final String POINTS_REDEMPTION = """
            {"queryParams": {"skip_validation": "true", "format": "json"},
             "body": {"root": {"redeem": {
                 "points_redeemed": "100",
                 "customer": {"mobile": "9877792149"},
                 "redemption_time": "2020-04-15 23:01:46",
                 "transaction_number": "numbr893421972122280",
                 "notes": "Redemption by SMS",
                 "external_reference_number": "ACR-58392150333121"}}}}
            """;
    private static final String CUSTOMER_STATUS_CHANGE = """
            {"queryParams": {"source": "INSTORE", "accountId": "", "use_async": "false",
                             "identifierName": "mobile", "identifierValue": "919591399244"},
             "body": {"reason": "testing", "label": "Suspended"}}
            """;
    private static final String GOODWILL_POINTS = """
            {"body": {"referenceId": "ref_id_12993141722", "reason": "reason", "baseType": "POINTS",
                      "programId": 2739, "awardingTillId": 50682616, "earningEntityType": "CUSTOMER",
                      "earningEntityId": 382332518, "points": 20, "source": "API"}}
            """;
    private static final String EARN_BADGE = """
            {"body": {"triggeredBy": {"ownerType": "Goodwill_Module", "referenceId": "123"},
                      "customerId": 382477526, "requestId": "0f77333928-9878-441c-a78e-c1d2334q",
                      "badgeMetaId": "65be200710126e55359f1969"}}
            """;
    private static final String ISSUE_BADGE = """
            {"body": {"triggeredBy": {"ownerType": "Goodwill_Module", "referenceId": "134"},
                      "customers": [113460811],
                      "requestId": "e5811requestd62c5ec7d115a2859228cefd8ee8cgh",
                      "badgeMetaId": "65be3c4d10126e55359f196a"}}
            """;
    private static final String CHANGE_IDENTIFIER = """
            {"body": {"customer": {"email": "old@example.com"},
                      "old_value": "old@example.com", "new_value": "new@example.com"}}
            """;
    private static final String MERGE = """
            {"body": {"customer": {"mobile": "9877792149"}, "target_customer": {"mobile": "919591399244"}}}
            """;
    private static final String TRANSACTION_UPDATE = """
            {"body": {"customer": {"mobile": "9877792149"}, "transaction_id": "1234567",
                      "old_type": "NOT_INTERESTED", "new_type": "REGULAR", "misc_info": "retro conversion"}}
            """;
    private static final String GOODWILL_POINTS_ISSUAL = """
            {"body": {"customer": {"external_id": "ext-42"}, "points": 20,
                      "reason": "late delivery", "comments": "apology"}}
            """;
    private static final String GOODWILL_COUPONS = """
            {"body": {"customer": {"id": 382332518}, "series_id": 4567, "reason": "late delivery"}}
            """;

    private ReferencePayloads() {
    }

    /** Fresh, mutable attributes that satisfy every rule of the type. */
    static RequestAttributes valid(RequestType type, BaseType baseType) {
        return parse(switch (type) {
            case POINTS_REDEMPTION -> POINTS_REDEMPTION;
            case CUSTOMER_STATUS_CHANGE -> CUSTOMER_STATUS_CHANGE;
            case GOODWILL_POINTS -> GOODWILL_POINTS;
            case EARN_BADGE -> EARN_BADGE;
            case ISSUE_BADGE -> ISSUE_BADGE;
            case CHANGE_IDENTIFIER -> baseType == BaseType.MERGE ? MERGE : CHANGE_IDENTIFIER;
            case TRANSACTION_UPDATE -> TRANSACTION_UPDATE;
            case GOODWILL -> baseType == BaseType.COUPONS ? GOODWILL_COUPONS : GOODWILL_POINTS_ISSUAL;
        });
    }

    /**
     * The valid attributes of the type with one value replaced, or removed when {@code value} is null. The path is
     * the one a refusal names, e.g. {@code requestAttributes.body.root.redeem.points_redeemed}.
     */
    static RequestAttributes validWith(RequestType type, BaseType baseType, String path, Object value) {
        RequestAttributes valid = valid(type, baseType);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("queryParams", valid.queryParams());
        attributes.put("body", valid.body());
        List<String> segments = Arrays.asList(path.split("\\."));
        if (!segments.get(0).equals(ROOT) || segments.size() < 2) {
            throw new IllegalArgumentException(path + " is not a path below " + ROOT);
        }
        Map<String, Object> parent = navigate(attributes, segments.subList(1, segments.size() - 1), path);
        String field = segments.get(segments.size() - 1);
        if (value == null) {
            parent.remove(field);
        } else {
            parent.put(field, value);
        }
        return new RequestAttributes(map(attributes.get("queryParams")), map(attributes.get("body")));
    }

    private static Map<String, Object> navigate(Map<String, Object> from, List<String> segments, String path) {
        Map<String, Object> current = from;
        for (String segment : segments) {
            if (!(current.get(segment) instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(path + ": " + segment + " is not an object of the sample");
            }
            current = map(current.get(segment));
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static RequestAttributes parse(String json) {
        try {
            Map<String, Map<String, Object>> parsed = JSON.readValue(json, new TypeReference<>() {
            });
            return new RequestAttributes(parsed.get("queryParams"), parsed.get("body"));
        } catch (JsonProcessingException malformed) {
            throw new IllegalStateException("Malformed sample", malformed);
        }
    }
}
