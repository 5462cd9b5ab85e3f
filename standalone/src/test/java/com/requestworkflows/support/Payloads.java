package com.requestworkflows.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Valid submit bodies, shaped like the reference's sample payloads. */
public final class Payloads {

    private Payloads() {
    }

    public static Map<String, Object> pointsRedemption() {
        return submit("POINTS_REDEMPTION", null, Map.of(
                "queryParams", Map.of("skip_validation", "true", "format", "json"),
                "body", Map.of("root", Map.of("redeem", Map.of(
                        "points_redeemed", "100",
                        "customer", Map.of("mobile", "9877792149"),
                        "redemption_time", "2020-04-15 23:01:46",
                        "transaction_number", "numbr893421972122280",
                        "notes", "Redemption by SMS",
                        "external_reference_number", "ACR-58392150333121")))));
    }

    public static Map<String, Object> customerStatusChange(String spelling) {
        Map<String, Object> body = submit(spelling, null, Map.of(
                "queryParams", Map.of("source", "INSTORE", "accountId", "", "use_async", "false",
                        "identifierName", "mobile", "identifierValue", "919591399244"),
                "body", Map.of("reason", "testing", "label", "Suspended")));
        body.put("reason", "testing");
        return body;
    }

    public static Map<String, Object> earnBadge() {
        return submit("EARN_BADGE", null, Map.of("body", Map.of(
                "triggeredBy", Map.of("ownerType", "Goodwill_Module", "referenceId", "123"),
                "customerId", 382477526,
                "requestId", "0f77333928-9878-441c-a78e-c1d2334q",
                "badgeMetaId", "65be200710126e55359f1969")));
    }

    public static Map<String, Object> emailChange() {
        return submit("CHANGE_IDENTIFIER", "EMAIL", Map.of("body", Map.of(
                "customer", Map.of("mobile", "919591399244"),
                "old_value", "old@example.com",
                "new_value", "new@example.com")));
    }

    public static Map<String, Object> issueBadge() {
        return submit("ISSUE_BADGE", null, Map.of("body", Map.of(
                "triggeredBy", Map.of("ownerType", "Goodwill_Module", "referenceId", "134"),
                "customers", List.of(113460811),
                "badgeMetaId", "65be3c4d10126e55359f196a")));
    }

    public static Map<String, Object> withReferenceId(Map<String, Object> submit, String referenceId) {
        submit.put("referenceId", referenceId);
        return submit;
    }

    private static Map<String, Object> submit(String type, String baseType, Map<String, Object> attributes) {
        Map<String, Object> body = new HashMap<>();
        body.put("requestType", type);
        if (baseType != null) {
            body.put("baseType", baseType);
        }
        body.put("requestAttributes", attributes);
        return body;
    }
}
