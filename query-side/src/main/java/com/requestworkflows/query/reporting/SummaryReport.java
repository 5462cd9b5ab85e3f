package com.requestworkflows.query.reporting;

import com.requestworkflows.query.listing.TimeRange;
import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.request.ApprovalType;
import com.requestworkflows.api.request.RequestType;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How many requests were submitted, reached each outcome and were approved automatically, per UTC day and/or per
 * request type. Each count is dated by its own event: a submission by {@code submittedAt}, an outcome (approved,
 * rejected, failed, cancelled) by {@code outcomeAt}, an automatic approval by its approval. So a request submitted
 * on Monday and approved on Tuesday counts as submitted on Monday and approved on Tuesday, and {@code from}/{@code
 * to} select events, not requests. A request counts under its current outcome only: one that failed and was then
 * retried successfully counts as approved.
 */
public record SummaryReport(Long from, Long to, String groupBy, List<Row> rows, Row totals)
        implements TabularReport<SummaryReport.Row> {

    /** {@code day} (yyyy-MM-dd, UTC) or {@code requestType} is null when the report is not grouped by it. */
    public record Row(String day, RequestType requestType, long submitted, long approved, long rejected, long failed,
                      long cancelled, long autoApprovedByClient, long autoApprovedByConfig) {

        Row plus(Row other) {
            return new Row(day, requestType, submitted + other.submitted, approved + other.approved,
                    rejected + other.rejected, failed + other.failed, cancelled + other.cancelled,
                    autoApprovedByClient + other.autoApprovedByClient,
                    autoApprovedByConfig + other.autoApprovedByConfig);
        }
    }

    /** What one event counts as; the outcomes are named as the terminal {@code RequestState}s they count. */
    private enum Counted { SUBMITTED, APPROVED, REJECTED, FAILED, CANCELLED, AUTO_APPROVED_BY_CLIENT, AUTO_APPROVED_BY_CONFIG }

    /** Grouped by the UTC day, by the request type, or by both. */
    public record Grouping(boolean byDay, boolean byRequestType) {

        private static final String DAY = "day";
        private static final String REQUEST_TYPE = "requestType";

        static Grouping parse(String value) {
            if (value == null || value.isBlank()) {
                return new Grouping(true, false);
            }
            Set<String> parts = Arrays.stream(value.split(",", -1)).map(String::trim).collect(Collectors.toSet());
            if (!Set.of(DAY, REQUEST_TYPE).containsAll(parts)) {
                throw new InvalidRequestException("groupBy", "must be day, requestType or day,requestType");
            }
            return new Grouping(parts.contains(DAY), parts.contains(REQUEST_TYPE));
        }

        String text() {
            return byDay && byRequestType ? DAY + "," + REQUEST_TYPE : byDay ? DAY : REQUEST_TYPE;
        }
    }

    private static final Comparator<Row> ORDER = Comparator
            .comparing(Row::day, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Row::requestType, Comparator.nullsFirst(Comparator.<RequestType>naturalOrder()));

    static SummaryReport of(TimeRange range, Grouping grouping, List<RequestFact> facts) {
        Map<Row, Row> rowsByGroup = new TreeMap<>(ORDER);
        for (RequestFact fact : facts) {
            List<Row> counted = new ArrayList<>();
            if (range.contains(fact.submittedAt())) {
                counted.add(one(grouping, fact, fact.submittedAt(), Counted.SUBMITTED));
            }
            if (range.contains(fact.outcomeAt())) {
                counted.add(one(grouping, fact, fact.outcomeAt(), Counted.valueOf(fact.state().name())));
            }
            if (fact.approvalType() != null && range.contains(fact.decidedAt())) {
                counted.add(one(grouping, fact, fact.decidedAt(), fact.approvalType() == ApprovalType.CLIENT
                        ? Counted.AUTO_APPROVED_BY_CLIENT : Counted.AUTO_APPROVED_BY_CONFIG));
            }
            counted.forEach(row -> rowsByGroup.merge(row, row, Row::plus));
        }
        List<Row> rows = List.copyOf(rowsByGroup.values());
        Row totals = rows.stream().reduce(new Row(null, null, 0, 0, 0, 0, 0, 0, 0), Row::plus);
        return new SummaryReport(range.from(), range.to(), grouping.text(), rows, totals);
    }

    /** A row of {@code fact}'s group that counts one {@code what}. */
    private static Row one(Grouping grouping, RequestFact fact, long at, Counted what) {
        String day = grouping.byDay() ? Instant.ofEpochMilli(at).atZone(ZoneOffset.UTC).toLocalDate().toString() : null;
        RequestType type = grouping.byRequestType() ? fact.requestType() : null;
        return new Row(day, type, count(what, Counted.SUBMITTED), count(what, Counted.APPROVED),
                count(what, Counted.REJECTED), count(what, Counted.FAILED), count(what, Counted.CANCELLED),
                count(what, Counted.AUTO_APPROVED_BY_CLIENT), count(what, Counted.AUTO_APPROVED_BY_CONFIG));
    }

    private static long count(Counted what, Counted column) {
        return what == column ? 1 : 0;
    }

    @Override
    public List<Row> csvRows() {
        return TabularReport.followedBy(rows, List.of(totals));
    }
}
