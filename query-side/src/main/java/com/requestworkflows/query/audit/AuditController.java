package com.requestworkflows.query.audit;

import com.requestworkflows.api.identity.Caller;
import com.requestworkflows.query.export.Csv;
import com.requestworkflows.query.request.ListingParameters;
import com.requestworkflows.query.request.PageResponse;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit}: every transition of every request of the caller's org, searched and paged like the
 * other listings; {@code Accept: text/csv} answers the same page as a CSV download.
 */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    private final MongoTemplate mongo;

    public AuditController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping
    public PageResponse<AuditEntry> search(AuditSearch search, @AuthenticationPrincipal Caller caller) {
        Query query = Query.query(search.criteria(caller.orgId()));
        ListingParameters.Paging paging = search.paging();
        long total = mongo.count(query, AuditLogProjection.COLLECTION);
        query.with(search.order()).skip((long) paging.page() * paging.size()).limit(paging.size());
        return PageResponse.of(mongo.find(query, AuditEntry.class, AuditLogProjection.COLLECTION), paging, total);
    }

    @GetMapping(produces = "text/csv")
    public ResponseEntity<String> export(AuditSearch search, @AuthenticationPrincipal Caller caller) {
        return Csv.download("audit.csv", Csv.of(AuditEntry.CSV_HEADER,
                search(search, caller).content().stream().map(AuditEntry::csvRow).toList()));
    }
}
