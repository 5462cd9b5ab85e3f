package com.requestworkflows.query.request;

import com.requestworkflows.api.error.RequestNotFoundException;
import com.requestworkflows.api.identity.Caller;
import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.query.listing.ListingParameters;
import com.requestworkflows.query.listing.PageResponse;
import com.requestworkflows.query.listing.TimeRange;
import com.requestworkflows.query.projection.ViewCollections;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Reading requests of the caller's org: one by id, or a paged search over all of them. */
@RestController
@RequestMapping("/api/v1/requests")
public class RequestQueryController {

    private static final List<String> SORTABLE = List.of("createdAt", "updateTime");

    private final RequestViewQueries queries;

    public RequestQueryController(RequestViewQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{requestId}")
    public RequestView get(@PathVariable String requestId, @AuthenticationPrincipal Caller caller) {
        return queries.find(caller.orgId(), requestId).orElseThrow(() -> new RequestNotFoundException(requestId));
    }

    @GetMapping
    public PageResponse<RequestView> search(@RequestParam(required = false) String state,
                                            @RequestParam(required = false) String requestType,
                                            @RequestParam(required = false) String requesterId,
                                            @RequestParam(required = false) String checkerId,
                                            @RequestParam(required = false) String referenceId,
                                            @RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to,
                                            @RequestParam(required = false) String page,
                                            @RequestParam(required = false) String size,
                                            @RequestParam(required = false) String sort,
                                            @AuthenticationPrincipal Caller caller) {
        Criteria criteria = where("orgId").is(caller.orgId());
        if (state != null) {
            criteria = criteria.and("state").is(RequestState.parse("state", state));
        }
        if (requestType != null) {
            criteria = criteria.and("requestType").is(RequestType.parse("requestType", requestType));
        }
        if (requesterId != null) {
            criteria = criteria.and("requesterId").is(ListingParameters.userId("requesterId", requesterId));
        }
        if (checkerId != null) {
            criteria = criteria.and("checkerId").is(ListingParameters.userId("checkerId", checkerId));
        }
        if (referenceId != null) {
            criteria = criteria.and("referenceId").is(referenceId);
        }
        criteria = TimeRange.parse(from, to).and(criteria, "createdAt");
        return queries.page(ViewCollections.REQUESTS, criteria, ListingParameters.paging(page, size),
                ListingParameters.sort(sort, SORTABLE, Sort.by(Sort.Direction.DESC, "createdAt")));
    }
}
