package com.requestworkflows.command.request;

import com.requestworkflows.api.error.ErrorCodes;
import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.request.Adjustment;
import com.requestworkflows.api.request.BaseType;
import com.requestworkflows.api.request.RequestAttributes;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.api.request.RequestView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which value a checker may change as they approve, per request type, and how the approved action then carries the
 * change: points ({@code points}: a redemption's {@code points_redeemed}, goodwill points), a coupon series
 * ({@code series_id}) or an identifier's new value ({@code new_value}, not for a merge). Other types are approved as
 * they are.
 */
public final class AdjustmentRules {

    private static final String FIELD = "adjustment";
    private static final int MAX_NEW_VALUE_LENGTH = 255;

    /** The value's name in the member-care API, and where the request's attributes keep it (under {@code body}). */
    private record Adjustable(String name, List<String> path) {
    }

    private AdjustmentRules() {
    }

    private static Optional<Adjustable> adjustableOf(RequestType type, BaseType baseType) {
        return Optional.ofNullable(switch (type) {
            case POINTS_REDEMPTION -> new Adjustable("points", List.of("root", "redeem", "points_redeemed"));
            case GOODWILL_POINTS -> new Adjustable("points", List.of("points"));
            case GOODWILL -> baseType == BaseType.COUPONS ? new Adjustable("series_id", List.of("series_id"))
                    : new Adjustable("points", List.of("points"));
            case CHANGE_IDENTIFIER -> baseType == BaseType.MERGE ? null
                    : new Adjustable("new_value", List.of("new_value"));
            default -> null;
        });
    }

    /**
     * The adjustment as given ({@code {"points": 50}}), checked against the request's type: exactly its one
     * adjustable value, valid as the submission's own would be. Null or empty: approved as it is.
     */
    static Adjustment parse(RequestType type, BaseType baseType, Map<String, Object> given) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        Adjustable adjustable = adjustableOf(type, baseType).orElseThrow(() -> new InvalidRequestException(FIELD,
                "is not possible: the value of a " + type + (baseType == null ? "" : " " + baseType)
                        + " request cannot be changed at approval"));
        if (given.size() != 1 || !given.containsKey(adjustable.name())) {
            throw new InvalidRequestException(FIELD, "must name " + adjustable.name() + " only, the value a "
                    + type + " request may have changed at approval");
        }
        Object value = given.get(adjustable.name());
        String path = FIELD + "." + adjustable.name();
        if (adjustable.name().equals("new_value")) {
            if (!(value instanceof String text) || text.isBlank() || text.length() > MAX_NEW_VALUE_LENGTH) {
                throw new InvalidRequestException(path, "must be a non-blank string of at most "
                        + MAX_NEW_VALUE_LENGTH + " characters");
            }
            return new Adjustment(adjustable.name(), text.strip());
        }
        try {
            return new Adjustment(adjustable.name(), RequestAttributeRules.requirePositiveWholeNumber(value, path));
        } catch (InvalidRequestException invalid) {
            throw adjustable.name().equals("series_id")
                    ? new InvalidRequestException(path, "must be a valid coupon series (a positive whole number)",
                    ErrorCodes.INVALID_COUPON_SERIES) : invalid;
        }
    }

    /**
     * The attributes the approved action is carried out with: as submitted, with the checker's change in its place
     * (a number given as text in the submission stays text).
     */
    public static RequestAttributes applied(RequestView request) {
        RequestAttributes attributes = request.requestAttributes();
        Adjustment adjustment = request.approvedValue();
        Optional<Adjustable> adjustable = adjustableOf(request.requestType(), request.baseType());
        if (adjustment == null || adjustable.isEmpty() || attributes == null || attributes.body() == null) {
            return attributes;
        }
        Map<String, Object> body = copy(attributes.body());
        List<String> path = adjustable.get().path();
        Map<String, Object> parent = body;
        for (String step : path.subList(0, path.size() - 1)) {
            if (!(parent.get(step) instanceof Map<?, ?>)) {
                return attributes;
            }
            parent = castMap(parent.get(step));
        }
        String last = path.get(path.size() - 1);
        Object value = adjustment.value();
        parent.put(last, parent.get(last) instanceof String ? String.valueOf(value) : value);
        return new RequestAttributes(attributes.queryParams(), body);
    }

    /** A copy in which every object on the way down is a copy too (the stored attributes stay as they are). */
    private static Map<String, Object> copy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, value instanceof Map<?, ?> ? copy(castMap(value)) : value));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object map) {
        return (Map<String, Object>) map;
    }
}
