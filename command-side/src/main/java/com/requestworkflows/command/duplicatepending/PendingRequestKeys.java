package com.requestworkflows.command.duplicatepending;

import com.requestworkflows.api.error.DuplicatePendingRequestException;

import java.util.Collection;
import java.util.Optional;

/** The keys pending requests hold (see {@link DuplicatePendingRule}), across concurrent submits and instances. */
public interface PendingRequestKeys {

    /**
     * Claims the keys for the request within the current transaction.
     *
     * @throws DuplicatePendingRequestException when a pending request holds one of them (which one may not be known
     *                                          yet: ask {@link #holderOf} once this transaction has ended)
     */
    void claim(long orgId, Collection<String> keys, String requestId);

    /** The pending request holding one of the keys, if any still does. */
    Optional<String> holderOf(long orgId, Collection<String> keys);
}
