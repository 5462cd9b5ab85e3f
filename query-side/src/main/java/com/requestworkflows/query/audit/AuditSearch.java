package com.requestworkflows.query.audit;

import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.request.ApprovalType;
import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.query.listing.ListingParameters;
import com.requestworkflows.query.listing.TimeRange;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;

import java.util.Arrays;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The query parameters of {@code GET /api/v1/audit}, taken as text (each by its name, as every listing takes them) so
 * that each refusal names its parameter.
 * {@code actorId} is a user id or {@code system} (the service acting by itself); {@code state} is the state after
 * the transition; {@code from}/{@code to} bound the time of the transition.
 */
public record AuditSearch(String actorId,
                          String requestType,
                          String state,
                          String approvalType,
                          String referenceId,
                          String from,
                          String to,
                          String page,
                          String size,
                          String sort) {

    static final String SYSTEM_ACTOR = "system";
    private static final Sort BY_TIME_NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "at");

    /** Everything asked for, within {@code orgId}. */
    Criteria criteria(long orgId) {
        Criteria criteria = where("orgId").is(orgId);
        if (actorId != null) {
            criteria = criteria.and("actorId").is(SYSTEM_ACTOR.equalsIgnoreCase(actorId.trim()) ? null
                    : ListingParameters.userId("actorId", actorId));
        }
        if (requestType != null) {
            criteria = criteria.and("requestType").is(RequestType.parse("requestType", requestType));
        }
        if (state != null) {
            criteria = criteria.and("state").is(RequestState.parse("state", state));
        }
        if (approvalType != null) {
            criteria = criteria.and("approvalType").is(parsedApprovalType());
        }
        if (referenceId != null) {
            criteria = criteria.and("referenceId").is(referenceId);
        }
        return TimeRange.parse(from, to).and(criteria, "at");
    }

    ListingParameters.Paging paging() {
        return ListingParameters.paging(page, size);
    }

    /** By time, newest first unless asked otherwise; entries of the same millisecond in a fixed order. */
    Sort order() {
        return ListingParameters.sort(sort, List.of("at"), BY_TIME_NEWEST_FIRST).and(Sort.by("_id"));
    }

    private ApprovalType parsedApprovalType() {
        return Arrays.stream(ApprovalType.values())
                .filter(type -> type.name().equalsIgnoreCase(approvalType.trim()))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("approvalType",
                        "must be one of " + Arrays.toString(ApprovalType.values())));
    }
}
