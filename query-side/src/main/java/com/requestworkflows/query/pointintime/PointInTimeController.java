package com.requestworkflows.query.pointintime;

import com.requestworkflows.api.request.RequestIds;
import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.error.RequestNotFoundException;
import com.requestworkflows.api.identity.Caller;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.query.listing.ListingParameters;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * {@code GET /api/v1/requests/{id}?asOf=...}: a request as it stood at a past moment, from its events. Mapped with
 * the {@code asOf} parameter, so Spring prefers it over the plain read of the current view when that is present.
 */
@RestController
public class PointInTimeController {


    private final RequestTimeline timeline;

    public PointInTimeController(RequestTimeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping(value = "/api/v1/requests/{requestId}", params = "asOf")
    public RequestView asOf(@PathVariable String requestId, @RequestParam String asOf,
                            @AuthenticationPrincipal Caller caller) {
        Instant at = Instant.ofEpochMilli(moment(asOf));
        // Request ids are UUIDs: anything else is unknown, and never reaches other aggregates in the store.
        if (!RequestIds.isRequestId(requestId)) {
            throw new RequestNotFoundException(requestId);
        }
        return timeline.asOf(requestId, at)
                .filter(request -> request.orgId() == caller.orgId())
                .orElseThrow(() -> new RequestNotFoundException(requestId));
    }

    /** Parsed like a listing's {@code to}: a plain date means as it stood at the end of that day (UTC). */
    private static long moment(String asOf) {
        try {
            return ListingParameters.to(asOf);
        } catch (InvalidRequestException invalid) {
            // Same problem, named after this parameter: the detail is "<field> <problem>".
            throw new InvalidRequestException("asOf", invalid.getMessage().substring(invalid.field().length() + 1));
        }
    }
}
