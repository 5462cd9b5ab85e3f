package com.requestworkflows.query.reporting;

import com.requestworkflows.query.listing.TimeRange;
import com.requestworkflows.api.request.RequestType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How long requests took, in milliseconds: from submission to decision ({@code toDecision}: until they left the
 * pending state, approved, rejected or withdrawn) and from submission to outcome ({@code toOutcome}: until they
 * reached their terminal state, for executed approvals when the platform answered). A request counts in a measure
 * when that end lies within {@code from}/{@code to}. Percentiles are nearest-rank: the smallest duration that at
 * least that share of the durations does not exceed; all are null when {@code count} is 0.
 */
public record DurationsReport(Long from, Long to, RequestType requestType, List<Row> rows, List<Row> overall)
        implements TabularReport<DurationsReport.Row> {

    static final String TO_DECISION = "toDecision";
    static final String TO_OUTCOME = "toOutcome";

    /** {@code requestType} is null on the overall rows. */
    public record Row(RequestType requestType, String measure, long count, Long p50Ms, Long p90Ms, Long p99Ms,
                      Long maxMs) {

        static Row of(RequestType requestType, String measure, List<Long> durations) {
            long[] sorted = durations.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return new Row(requestType, measure, 0, null, null, null, null);
            }
            return new Row(requestType, measure, sorted.length, nearestRank(sorted, 50), nearestRank(sorted, 90),
                    nearestRank(sorted, 99), sorted[sorted.length - 1]);
        }

        /** The value at rank ceil(p/100 × n), counting from 1. */
        private static long nearestRank(long[] sorted, int percentile) {
            long rank = ((long) percentile * sorted.length + 99) / 100;
            return sorted[(int) rank - 1];
        }
    }

    /** {@code requestType}: the only type the facts (and so the report) are about, or null for all. */
    static DurationsReport of(TimeRange range, RequestType requestType, List<RequestFact> facts) {
        Map<RequestType, List<RequestFact>> byType = facts.stream()
                .collect(Collectors.groupingBy(RequestFact::requestType, TreeMap::new, Collectors.toList()));
        List<Row> rows = new ArrayList<>();
        byType.forEach((type, ofType) -> rows.addAll(measures(range, type, ofType)));
        return new DurationsReport(range.from(), range.to(), requestType, rows, measures(range, null, facts));
    }

    private static List<Row> measures(TimeRange range, RequestType type, List<RequestFact> facts) {
        return List.of(Row.of(type, TO_DECISION, durations(range, facts, RequestFact::decidedAt)),
                Row.of(type, TO_OUTCOME, durations(range, facts, RequestFact::outcomeAt)));
    }

    /** From submission to {@code end}, for the facts whose end lies within the range. */
    private static List<Long> durations(TimeRange range, List<RequestFact> facts, Function<RequestFact, Long> end) {
        return facts.stream()
                .filter(fact -> range.contains(end.apply(fact)))
                .map(fact -> end.apply(fact) - fact.submittedAt())
                .toList();
    }

    @Override
    public List<Row> csvRows() {
        return TabularReport.followedBy(rows, overall);
    }
}
