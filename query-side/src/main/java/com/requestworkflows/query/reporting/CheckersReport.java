package com.requestworkflows.query.reporting;

import com.requestworkflows.query.listing.TimeRange;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Per checker: the approvals and rejections they decided within {@code from}/{@code to} (an approval counts as
 * theirs whatever its execution then did; automatic approvals belong to no checker), and their open workload: the
 * org's pending requests they may decide now, that is every pending request not submitted by themselves. The views
 * know checkers only by their decisions, so the rows are the checkers with a decision in the range, and the workload
 * does not narrow by a checker's request-type scope. {@code pending} is the org's whole pending backlog.
 */
public record CheckersReport(Long from, Long to, long pending, List<Row> rows)
        implements TabularReport<CheckersReport.Row> {

    public record Row(long checkerId, long approved, long rejected, long openWorkload) {
    }

    static CheckersReport of(TimeRange range, List<RequestFact> decided, List<RequestFact> pending) {
        Map<Long, List<RequestFact>> decisionsByChecker = decided.stream()
                .filter(fact -> fact.checkerId() != null && range.contains(fact.decidedAt()))
                .collect(Collectors.groupingBy(RequestFact::checkerId, TreeMap::new, Collectors.toList()));
        Map<Long, Long> pendingByRequester = pending.stream()
                .collect(Collectors.groupingBy(RequestFact::requesterId, Collectors.counting()));
        List<Row> rows = decisionsByChecker.entrySet().stream().map(decisions -> {
            long approved = decisions.getValue().stream().filter(RequestFact::approvedByChecker).count();
            long ownPending = pendingByRequester.getOrDefault(decisions.getKey(), 0L);
            return new Row(decisions.getKey(), approved, decisions.getValue().size() - approved,
                    pending.size() - ownPending);
        }).toList();
        return new CheckersReport(range.from(), range.to(), pending.size(), rows);
    }

    @Override
    public List<Row> csvRows() {
        return rows;
    }
}
