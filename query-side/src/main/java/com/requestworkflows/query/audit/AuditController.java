package com.requestworkflows.query.audit;

import com.requestworkflows.api.identity.Caller;
import com.requestworkflows.query.export.Csv;
import com.requestworkflows.query.listing.ListingParameters;
import com.requestworkflows.query.listing.PageResponse;
import com.requestworkflows.query.projection.ViewCollections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    /** JSON, or with {@code Accept: text/csv} the same page as a CSV download. */
    @GetMapping
    public ResponseEntity<?> search(@RequestParam(required = false) String actorId,
                                    @RequestParam(required = false) String requestType,
                                    @RequestParam(required = false) String state,
                                    @RequestParam(required = false) String approvalType,
                                    @RequestParam(required = false) String referenceId,
                                    @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String page,
                                    @RequestParam(required = false) String size,
                                    @RequestParam(required = false) String sort,
                                    @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                    @AuthenticationPrincipal Caller caller) {
        AuditSearch search = new AuditSearch(actorId, requestType, state, approvalType, referenceId, from, to, page,
                size, sort);
        Query query = Query.query(search.criteria(caller.orgId()));
        ListingParameters.Paging paging = search.paging();
        long total = mongo.count(query, ViewCollections.AUDIT_LOG);
        query.with(search.order()).skip(paging.offset()).limit(paging.size());
        PageResponse<AuditEntry> found = PageResponse.of(mongo.find(query, AuditEntry.class,
                ViewCollections.AUDIT_LOG), paging, total);
        return Csv.isAskedFor(accept)
                ? Csv.download("audit.csv", Csv.of(AuditEntry.CSV_HEADER,
                        found.content().stream().map(AuditEntry::csvRow).toList()))
                : ResponseEntity.ok(found);
    }
}
