package com.requestworkflows.command.numbering;

import java.util.Optional;

/**
 * The numeric ids of requests, which the member-care API knows them by: each given out once, in the transaction
 * that stores the request's submission (or its numbering), so a number never changes and no two requests share one.
 */
public interface RequestNumbers {

    /** A new number for the request, within the current transaction. */
    long assign(long orgId, String requestId);

    /** The request of the org with this number. */
    Optional<String> requestIdOf(long orgId, long requestNumber);

    Optional<Long> numberOf(String requestId);
}
