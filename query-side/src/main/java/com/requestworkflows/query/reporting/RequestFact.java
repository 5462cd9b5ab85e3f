package com.requestworkflows.query.reporting;

import com.requestworkflows.api.request.ApprovalType;
import com.requestworkflows.api.request.BaseType;
import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * What the reports need of one request, read from its document in the {@code requests} view (see
 * {@code RequestDocument}). Times are epoch milliseconds of the events: {@code submittedAt}; {@code decidedAt} when
 * it left the pending state (approved by a checker or automatically, rejected or withdrawn); {@code outcomeAt} when
 * it reached its current terminal state (for an executed approval, when the platform answered), null while it is
 * pending or executing. {@code approvalType} is null for an approval by a checker.
 */
public record RequestFact(@Id String requestId,
                          long orgId,
                          RequestType requestType,
                          BaseType baseType,
                          long requesterId,
                          Long checkerId,
                          RequestState state,
                          @Field("createdAt") long submittedAt,
                          Long decidedAt,
                          Long outcomeAt,
                          ApprovalType approvalType) {

    boolean pending() {
        return state == RequestState.PENDING;
    }

    /** Approved by a checker (whatever its execution then did), as opposed to rejected by one. */
    boolean approvedByChecker() {
        return checkerId != null && state != RequestState.REJECTED;
    }
}
