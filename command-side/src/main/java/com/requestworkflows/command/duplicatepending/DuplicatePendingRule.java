package com.requestworkflows.command.duplicatepending;

import com.requestworkflows.api.request.BaseType;
import com.requestworkflows.api.request.RequestAttributes;
import com.requestworkflows.api.request.RequestCustomer;
import com.requestworkflows.api.request.RequestType;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * When two pending requests are the same change: the same type and base type for the same customer (any of the
 * identifiers it is named by); for an identifier change also the same new value; for a merge, any merge that
 * involves one of the two accounts. Each submission of a covered type claims its keys while it is pending, so a
 * second one with a key in common is refused, however many race.
 */
@Component
public class DuplicatePendingRule {

    private final DuplicatePendingProperties properties;

    public DuplicatePendingRule(DuplicatePendingProperties properties) {
        this.properties = properties;
    }

    /** The keys the submission claims while pending; none when the rule does not cover it. */
    public Set<String> keysOf(RequestType type, BaseType baseType, RequestAttributes attributes) {
        Set<String> keys = new LinkedHashSet<>();
        if (!properties.requestTypes().contains(type)) {
            return keys;
        }
        String kind = type + "|" + (baseType == null ? "-" : baseType);
        if (type == RequestType.CHANGE_IDENTIFIER && baseType == BaseType.MERGE) {
            Map<String, Object> body = attributes == null ? null : attributes.body();
            customers(body, "customer", "target_customer").forEach(customer -> keys.add(kind + "|" + customer));
            return keys;
        }
        String newValue = type == RequestType.CHANGE_IDENTIFIER ? "|new:" + normalized(newValueOf(attributes)) : "";
        RequestCustomer.identifiers(type, attributes)
                .forEach((name, value) -> keys.add(kind + "|" + name + ":" + normalized(value) + newValue));
        return keys;
    }

    private static Set<String> customers(Map<String, Object> body, String... fields) {
        Set<String> identifiers = new LinkedHashSet<>();
        for (String field : fields) {
            if (body != null && body.get(field) instanceof Map<?, ?> customer) {
                RequestCustomer.named(customer).forEach((name, value) -> identifiers.add(name + ":" + normalized(value)));
            }
        }
        return identifiers;
    }

    private static String newValueOf(RequestAttributes attributes) {
        Object value = attributes == null || attributes.body() == null ? null : attributes.body().get("new_value");
        return value == null ? "" : String.valueOf(value);
    }

    /** The same identifier however it was typed: surrounding space and letter case do not make another one. */
    private static String normalized(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
