package com.requestworkflows.query.projection;

import java.util.List;

/**
 * The views' collections: {@code requests} (every request as it stands: listings, the inbox, the reports) and
 * {@code audit_log} (one entry per event). A rebuild fills fresh copies ({@link #fresh}) and swaps them in.
 */
public final class ViewCollections {

    public static final String REQUESTS = "requests";
    public static final String AUDIT_LOG = "audit_log";
    public static final List<String> ALL = List.of(REQUESTS, AUDIT_LOG);

    private static final String FRESH_SUFFIX = "_rebuild";

    private ViewCollections() {
    }

    public static String fresh(String collection) {
        return collection + FRESH_SUFFIX;
    }
}
