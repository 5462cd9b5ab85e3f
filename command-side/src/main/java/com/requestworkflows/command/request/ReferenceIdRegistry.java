package com.requestworkflows.command.request;

import com.requestworkflows.api.error.DuplicateReferenceIdException;

import java.util.Optional;

/** Keeps reference ids unique per org, across concurrent submits and across service instances. */
public interface ReferenceIdRegistry {

    /**
     * Claims the reference id for the request within the current transaction.
     *
     * @throws DuplicateReferenceIdException when the org already used it (its request id may not be known yet:
     *                                       ask {@link #holderOf} once this transaction has ended)
     */
    void claim(long orgId, String referenceId, String requestId);

    Optional<String> holderOf(long orgId, String referenceId);
}
