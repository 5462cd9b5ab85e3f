package com.requestworkflows.query.reporting;

import com.requestworkflows.api.request.RequestType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The org's pending requests as of {@code asOf}, per request type: how many, and when the oldest was submitted and
 * how old it is. Requests being executed are not pending: they have been decided.
 */
public record BacklogReport(Instant asOf, List<Row> rows, Row totals) implements TabularReport<BacklogReport.Row> {

    /** {@code requestType} is null on the totals; the oldest fields are null when nothing is pending. */
    public record Row(RequestType requestType, long pending, Instant oldestSubmittedAt, Long oldestAgeMs) {

        static Row of(RequestType requestType, List<RequestFact> pending, Instant asOf) {
            return pending.stream().mapToLong(RequestFact::submittedAt).min().stream()
                    .mapToObj(oldest -> new Row(requestType, pending.size(), Instant.ofEpochMilli(oldest),
                            Math.max(0, asOf.toEpochMilli() - oldest)))
                    .findFirst()
                    .orElse(new Row(requestType, 0, null, null));
        }
    }

    static BacklogReport of(Instant asOf, List<RequestFact> pending) {
        Map<RequestType, List<RequestFact>> byType = pending.stream()
                .collect(Collectors.groupingBy(RequestFact::requestType, TreeMap::new, Collectors.toList()));
        List<Row> rows = byType.entrySet().stream()
                .map(ofType -> Row.of(ofType.getKey(), ofType.getValue(), asOf))
                .toList();
        return new BacklogReport(asOf, rows, Row.of(null, pending, asOf));
    }

    @Override
    public List<Row> csvRows() {
        return TabularReport.followedBy(rows, List.of(totals));
    }
}
