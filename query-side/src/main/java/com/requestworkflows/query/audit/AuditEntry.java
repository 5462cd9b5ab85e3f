package com.requestworkflows.query.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.requestworkflows.api.request.ApprovalType;
import com.requestworkflows.api.request.BaseType;
import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestType;
import org.springframework.data.annotation.Id;

import java.util.Arrays;
import java.util.List;

/**
 * One event of one request in the {@code audit_log} view: what happened ({@code transition}), when ({@code at},
 * epoch milliseconds), who caused it ({@code actorId}: the requester for a submission or withdrawal, the checker for
 * a decision, the admin for a retry; null when the service acted by itself — an automatic approval, whose
 * {@code approvalType} says why, or an execution outcome) and the state before and after. Stored and answered as it
 * is, plus a link to the request.
 */
@JsonPropertyOrder({"eventId", "at", "requestId", "transition", "actorId", "previousState", "state", "approvalType",
        "approvalRule", "comment", "requestType", "baseType", "referenceId", "requesterId", "orgId", "sequence",
        "request"})
public record AuditEntry(@Id String eventId,
                         long orgId,
                         String requestId,
                         long sequence,
                         long at,
                         Transition transition,
                         Long actorId,
                         RequestState previousState,
                         RequestState state,
                         ApprovalType approvalType,
                         String approvalRule,
                         String comment,
                         RequestType requestType,
                         BaseType baseType,
                         String referenceId,
                         long requesterId) {

    /** What an event did to its request. */
    public enum Transition {
        SUBMITTED,
        CANCELLED,
        APPROVED,
        REJECTED,
        EXECUTION_ATTEMPT_FAILED,
        EXECUTED,
        EXECUTION_FAILED,
        EXECUTION_RETRIED
    }

    /** The columns of the CSV export, in the order of {@link #csvRow()}. */
    static final List<String> CSV_HEADER = List.of("eventId", "at", "requestId", "transition", "actorId",
            "previousState", "state", "approvalType", "approvalRule", "comment", "requestType", "baseType",
            "referenceId", "requesterId", "request");

    /** Where the request itself is read; answered with every entry, never stored. */
    @JsonProperty("request")
    public String request() {
        return "/api/v1/requests/" + requestId;
    }

    List<Object> csvRow() {
        return Arrays.asList(eventId, at, requestId, transition, actorId, wire(previousState), wire(state),
                approvalType, approvalRule, comment, requestType, baseType, referenceId, requesterId, request());
    }

    private static String wire(RequestState state) {
        return state == null ? null : state.wire();
    }
}
