package com.requestworkflows.command.membercare;

import com.fasterxml.jackson.databind.JsonNode;
import com.requestworkflows.api.error.ErrorCodes;
import com.requestworkflows.api.error.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;

/**
 * The items of a member-care call's body, {@code {"root": {"request": [...]}}} (a single item may come without the
 * array): 1 to 10 of them, else the whole call is refused and nothing is stored.
 */
final class MemberCareBatch {

    static final int MAX_ITEMS = 10;

    private MemberCareBatch() {
    }

    /** A whole call refused before any item is looked at: the answer's status carries {@code code}. */
    static final class BatchRefusedException extends InvalidRequestException {

        BatchRefusedException(String problem, int code) {
            super("root.request", problem, code);
        }
    }

    static List<JsonNode> items(JsonNode body) {
        JsonNode request = body == null ? null : body.path("root").get("request");
        List<JsonNode> items = new ArrayList<>();
        if (request != null && request.isArray()) {
            request.forEach(items::add);
        } else if (request != null && request.isObject()) {
            items.add(request);
        }
        if (items.isEmpty()) {
            throw new BatchRefusedException("must hold the requests: {\"root\": {\"request\": [...]}}",
                    ErrorCodes.INSUFFICIENT_REQUEST);
        }
        if (items.size() > MAX_ITEMS) {
            throw new BatchRefusedException("may hold at most " + MAX_ITEMS + " requests, not " + items.size(),
                    ErrorCodes.BATCH_TOO_LARGE);
        }
        return items;
    }

    /** An item's text field, or null when absent or JSON null; a number is taken as its text. */
    static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new InvalidRequestException(field, "must be a string");
        }
        return value.asText();
    }
}
