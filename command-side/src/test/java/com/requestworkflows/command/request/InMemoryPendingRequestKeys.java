package com.requestworkflows.command.request;

import com.requestworkflows.api.error.DuplicatePendingRequestException;
import com.requestworkflows.command.duplicatepending.PendingRequestKeys;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The keys' contract without a database: the first claim of a key wins while it is held. */
class InMemoryPendingRequestKeys implements PendingRequestKeys {

    private final Map<String, String> holders = new HashMap<>();

    @Override
    public void claim(long orgId, Collection<String> keys, String requestId) {
        for (String key : keys) {
            String holder = holders.putIfAbsent(orgId + "|" + key, requestId);
            if (holder != null) {
                throw new DuplicatePendingRequestException(holder, null);
            }
        }
    }

    @Override
    public Optional<String> holderOf(long orgId, Collection<String> keys) {
        return keys.stream().map(key -> holders.get(orgId + "|" + key)).filter(Objects::nonNull)
                .findFirst();
    }
}
