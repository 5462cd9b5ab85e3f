package com.requestworkflows.query.inbox;

import com.requestworkflows.api.identity.Caller;
import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.query.listing.ListingParameters;
import com.requestworkflows.query.listing.PageResponse;
import com.requestworkflows.query.listing.TimeRange;
import com.requestworkflows.query.projection.ViewCollections;
import com.requestworkflows.query.request.RequestViewQueries;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A checker's inbox: the org's pending requests that this checker may decide (never their own, only the types in
 * their scope), oldest first by default.
 */
@RestController
@RequestMapping("/api/v1/tasks")
public class TaskInboxController {

    private static final List<String> SORTABLE = List.of("createdAt");

    private final RequestViewQueries queries;

    public TaskInboxController(RequestViewQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    public PageResponse<RequestView> inbox(@RequestParam(required = false) String requestType,
                                           @RequestParam(required = false) String requesterId,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @RequestParam(required = false) String page,
                                           @RequestParam(required = false) String size,
                                           @RequestParam(required = false) String sort,
                                           @AuthenticationPrincipal Caller caller) {
        ListingParameters.Paging paging = ListingParameters.paging(page, size);
        Long requester = ListingParameters.userId("requesterId", requesterId);
        if (requester != null && requester == caller.userId()) {
            // A checker never sees their own requests here: four eyes.
            return PageResponse.of(List.of(), paging, 0);
        }
        Criteria requesterCriteria = where("orgId").is(caller.orgId()).and("state").is(RequestState.PENDING)
                .and("requesterId");
        Criteria criteria = requester == null ? requesterCriteria.ne(caller.userId()) : requesterCriteria.is(requester);
        if (requestType != null) {
            RequestType type = RequestType.parse("requestType", requestType);
            if (!caller.mayDecide(type)) {
                return PageResponse.of(List.of(), paging, 0);
            }
            criteria = criteria.and("requestType").is(type);
        } else if (!caller.decidableTypes().isEmpty()) {
            criteria = criteria.and("requestType").in(caller.decidableTypes());
        }
        criteria = TimeRange.parse(from, to).and(criteria, "createdAt");
        return queries.page(ViewCollections.REQUESTS, criteria, paging,
                ListingParameters.sort(sort, SORTABLE, Sort.by(Sort.Direction.ASC, "createdAt")));
    }
}
