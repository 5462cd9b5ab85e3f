package com.requestworkflows.command.membercare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.requestworkflows.api.error.ErrorCodes;
import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.identity.Caller;
import com.requestworkflows.api.request.BaseType;
import com.requestworkflows.api.request.RequestAttributes;
import com.requestworkflows.api.request.RequestCustomer;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.api.request.SubmitRequestCommand;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.requestworkflows.command.membercare.MemberCareBatch.text;

/**
 * One item of {@code request/add} as a submission: the same request, validated by the same rules, as the JSON API
 * would make of it. The item's fields become the request's {@code body} as the member-care API names them
 * ({@code old_value}, {@code points}, ...), with the customer under {@code customer} wherever the item named it
 * (at its top level or under {@code customer}) and a merge's survivor under {@code target_customer}; the call's
 * query parameters become its {@code queryParams}.
 */
final class MemberCareSubmission {

    /** The request types {@code request/add} takes. */
    static final Set<RequestType> TYPES = Set.of(RequestType.CHANGE_IDENTIFIER, RequestType.TRANSACTION_UPDATE,
            RequestType.GOODWILL);
    private static final int MAX_REFERENCE_ID_LENGTH = 255;
    private static final int MAX_TEXT_LENGTH = 2000;
    private static final String REQUESTED_ON_FORMAT = "yyyy-MM-dd HH:mm:ss";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MemberCareSubmission() {
    }

    static RequestType typeOf(JsonNode item) {
        RequestType type = RequestType.parse("type", text(item, "type"));
        if (!TYPES.contains(type)) {
            throw new InvalidRequestException("type", "'" + type + "' is not a request/add type; one of " + TYPES,
                    ErrorCodes.INVALID_TYPE);
        }
        return type;
    }

    static SubmitRequestCommand commandOf(JsonNode item, Map<String, Object> queryParams, Boolean clientAutoApprove,
                                          Caller caller, Clock clock) {
        if (!item.isObject()) {
            throw new InvalidRequestException("request", "must be a JSON object");
        }
        RequestType type = typeOf(item);
        BaseType baseType = type.parseBaseType("base_type", text(item, "base_type"));
        String referenceId = text(item, "reference_id");
        if (referenceId == null || referenceId.isBlank() || referenceId.length() > MAX_REFERENCE_ID_LENGTH) {
            throw new InvalidRequestException("reference_id", "is required (at most " + MAX_REFERENCE_ID_LENGTH
                    + " characters)");
        }
        String reason = text(item, "reason");
        if (reason != null && (reason.isBlank() || reason.length() > MAX_TEXT_LENGTH)) {
            throw new InvalidRequestException("reason", "must be non-blank text of at most " + MAX_TEXT_LENGTH
                    + " characters");
        }
        requireNotInTheFuture(text(item, "requested_on"), clock);
        return new SubmitRequestCommand(UUID.randomUUID().toString(), caller.orgId(), caller.userId(), type,
                baseType, referenceId, reason, new RequestAttributes(queryParams, bodyOf(item)), clientAutoApprove);
    }

    private static Map<String, Object> bodyOf(JsonNode item) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> customer = new LinkedHashMap<>();
        item.fields().forEachRemaining(field -> {
            String name = field.getKey();
            Object value = JSON.convertValue(field.getValue(), Object.class);
            if (RequestCustomer.IDENTIFIERS.contains(name)) {
                customer.put(name, value);
            } else if (name.equals("customer") && value instanceof Map<?, ?> given) {
                given.forEach((key, identifier) -> customer.putIfAbsent(String.valueOf(key), identifier));
            } else if (name.equals("misc_info") && value instanceof Map<?, ?> misc
                    && misc.get("target_customer") != null) {
                body.put(name, value);
                body.putIfAbsent("target_customer", misc.get("target_customer"));
            } else if (!name.equals("type") && !name.equals("base_type") && !name.equals("reference_id")) {
                body.put(name, value);
            }
        });
        if (!customer.isEmpty()) {
            body.put("customer", customer);
        }
        return body;
    }

    private static void requireNotInTheFuture(String requestedOn, Clock clock) {
        if (requestedOn == null) {
            return;
        }
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(requestedOn.strip().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("requested_on", "must be a time as " + REQUESTED_ON_FORMAT,
                    ErrorCodes.DATE_FORMAT);
        }
        if (at.toInstant(ZoneOffset.UTC).isAfter(clock.instant())) {
            throw new InvalidRequestException("requested_on", "must not be in the future",
                    ErrorCodes.REQUESTED_IN_THE_FUTURE);
        }
    }
}
