package com.requestworkflows.api.request;

import java.util.regex.Pattern;

/** Request ids are UUIDs in their canonical lower-case form; anything else names no request. */
public final class RequestIds {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private RequestIds() {
    }

    public static boolean isRequestId(String id) {
        return id != null && UUID_FORM.matcher(id).matches();
    }
}
