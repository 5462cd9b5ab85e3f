package com.requestworkflows.query.reporting;

import com.requestworkflows.api.identity.Caller;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.query.export.Csv;
import com.requestworkflows.query.listing.TimeRange;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import static com.requestworkflows.query.reporting.RequestFacts.ofOrg;

/**
 * Reports on the caller's org, computed from the {@code request_facts} view when asked. Each answers JSON, or with
 * {@code Accept: text/csv} the same rows as a CSV download.
 */
@RestController
@RequestMapping("/api/v1/reports")
public class ReportController {

    private final RequestFacts facts;

    public ReportController(RequestFacts facts) {
        this.facts = facts;
    }

    @GetMapping("/summary")
    public ResponseEntity<?> summary(@RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String groupBy,
                                     @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                     @AuthenticationPrincipal Caller caller) {
        TimeRange range = TimeRange.parse(from, to);
        SummaryReport.Grouping grouping = SummaryReport.Grouping.parse(groupBy);
        return answer(accept, "summary", SummaryReport.of(range, grouping,
                facts.touching(ofOrg(caller.orgId()), range, "submittedAt", "decidedAt", "outcomeAt")));
    }

    @GetMapping("/durations")
    public ResponseEntity<?> durations(@RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String requestType,
                                       @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                       @AuthenticationPrincipal Caller caller) {
        TimeRange range = TimeRange.parse(from, to);
        RequestType type = requestType == null ? null : RequestType.parse("requestType", requestType);
        Criteria criteria = type == null ? ofOrg(caller.orgId()) : ofOrg(caller.orgId()).and("requestType").is(type);
        return answer(accept, "durations",
                DurationsReport.of(range, type, facts.touching(criteria, range, "decidedAt", "outcomeAt")));
    }

    @GetMapping("/checkers")
    public ResponseEntity<?> checkers(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                      @AuthenticationPrincipal Caller caller) {
        TimeRange range = TimeRange.parse(from, to);
        List<RequestFact> decided = facts.touching(ofOrg(caller.orgId()).and("checkerId").ne(null), range,
                "decidedAt");
        return answer(accept, "checkers", CheckersReport.of(range, decided, facts.pending(caller.orgId())));
    }

    @GetMapping("/backlog")
    public ResponseEntity<?> backlog(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                     @AuthenticationPrincipal Caller caller) {
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return answer(accept, "backlog", BacklogReport.of(asOf, facts.pending(caller.orgId())));
    }

    private static ResponseEntity<?> answer(String accept, String name, TabularReport<?> report) {
        return Csv.isAskedFor(accept) ? Csv.download("report-" + name + ".csv", csv(report)) : ResponseEntity.ok(report);
    }

    /** The row type's components are the columns, in declaration order. */
    private static String csv(TabularReport<?> report) {
        RecordComponent[] columns = report.rowType().getRecordComponents();
        List<String> header = Arrays.stream(columns).map(RecordComponent::getName).toList();
        List<List<Object>> rows = report.csvRows().stream()
                .map(row -> Arrays.stream(columns).map(column -> cell(column, row)).toList())
                .toList();
        return Csv.of(header, rows);
    }

    private static Object cell(RecordComponent column, Record row) {
        try {
            return column.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Report column " + column.getName() + " cannot be read", e);
        }
    }
}
