package com.requestworkflows.command.request;

import com.requestworkflows.command.numbering.RequestNumbers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Numbers without a database: 1, 2, 3, ... in the order asked. */
class InMemoryRequestNumbers implements RequestNumbers {

    private record Numbered(long orgId, String requestId) {
    }

    private final Map<Long, Numbered> requests = new LinkedHashMap<>();

    @Override
    public long assign(long orgId, String requestId) {
        long number = requests.size() + 1L;
        requests.put(number, new Numbered(orgId, requestId));
        return number;
    }

    @Override
    public Optional<String> requestIdOf(long orgId, long requestNumber) {
        return Optional.ofNullable(requests.get(requestNumber)).filter(numbered -> numbered.orgId() == orgId)
                .map(Numbered::requestId);
    }

    @Override
    public Optional<Long> numberOf(String requestId) {
        return requests.entrySet().stream().filter(entry -> entry.getValue().requestId().equals(requestId))
                .map(Map.Entry::getKey).findFirst();
    }
}
