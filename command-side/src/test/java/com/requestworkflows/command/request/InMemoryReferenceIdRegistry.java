package com.requestworkflows.command.request;

import com.requestworkflows.api.error.DuplicateReferenceIdException;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The registry's contract without a database: the first claim of an org's reference id wins, later ones fail. */
class InMemoryReferenceIdRegistry implements ReferenceIdRegistry {

    private record Key(long orgId, String referenceId) {
    }

    private final Map<Key, String> holders = new HashMap<>();

    @Override
    public void claim(long orgId, String referenceId, String requestId) {
        String holder = holders.putIfAbsent(new Key(orgId, referenceId), requestId);
        if (holder != null) {
            throw new DuplicateReferenceIdException(orgId, referenceId, holder);
        }
    }

    @Override
    public Optional<String> holderOf(long orgId, String referenceId) {
        return Optional.ofNullable(holders.get(new Key(orgId, referenceId)));
    }
}
