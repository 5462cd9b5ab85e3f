package com.requestworkflows.query.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.requestworkflows.api.request.ApprovalType;
import com.requestworkflows.api.request.BaseType;
import com.requestworkflows.api.request.RequestApprovedEvent;
import com.requestworkflows.api.request.RequestCancelledEvent;
import com.requestworkflows.api.request.RequestEvent;
import com.requestworkflows.api.request.RequestExecutedEvent;
import com.requestworkflows.api.request.RequestExecutionAttemptFailedEvent;
import com.requestworkflows.api.request.RequestExecutionFailedEvent;
import com.requestworkflows.api.request.RequestExecutionRetriedEvent;
import com.requestworkflows.api.request.RequestNumberedEvent;
import com.requestworkflows.api.request.RequestRejectedEvent;
import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestSubmittedEvent;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.api.request.RequestView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.data.annotation.Id;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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

    /**
     * The entry for {@code event}, which took its request from {@code before} (null for the submission) to
     * {@code after}; none for an event that changes no state (a numbering).
     */
    public static Optional<AuditEntry> of(RequestView before, RequestView after, RequestEvent event,
                                          DomainEventMessage<?> message) {
        if (event instanceof RequestNumberedEvent) {
            return Optional.empty();
        }
        Attribution attribution = Attribution.of(event);
        return Optional.of(new AuditEntry(message.getIdentifier(), event.orgId(), event.requestId(),
                message.getSequenceNumber(), message.getTimestamp().toEpochMilli(), attribution.transition(),
                attribution.actorId(), before == null ? null : before.state(), after.state(),
                attribution.approvalType(), attribution.approvalRule(), attribution.comment(), after.requestType(),
                after.baseType(), after.referenceId(), after.requesterId()));
    }

    /**
     * What the event did, who caused it (null: the service itself), what they said and, for an approval without a
     * checker, why.
     */
    private record Attribution(Transition transition, Long actorId, String comment, ApprovalType approvalType,
                               String approvalRule) {

        static Attribution byUser(Transition transition, Long actorId, String comment) {
            return new Attribution(transition, actorId, comment, null, null);
        }

        static Attribution byService(Transition transition) {
            return byUser(transition, null, null);
        }

        static Attribution of(RequestEvent event) {
            if (event instanceof RequestSubmittedEvent submitted) {
                return byUser(Transition.SUBMITTED, submitted.requesterId(), submitted.reason());
            } else if (event instanceof RequestCancelledEvent cancelled) {
                return byUser(Transition.CANCELLED, cancelled.requesterId(), cancelled.comment());
            } else if (event instanceof RequestApprovedEvent approved) {
                return new Attribution(Transition.APPROVED, approved.checkerId(), approved.comment(),
                        approved.approvalType(), approved.approvalRule());
            } else if (event instanceof RequestRejectedEvent rejected) {
                return byUser(Transition.REJECTED, rejected.checkerId(), rejected.comment());
            } else if (event instanceof RequestExecutionRetriedEvent retried) {
                return byUser(Transition.EXECUTION_RETRIED, retried.retriedBy(), null);
            } else if (event instanceof RequestExecutionAttemptFailedEvent) {
                return byService(Transition.EXECUTION_ATTEMPT_FAILED);
            } else if (event instanceof RequestExecutedEvent) {
                return byService(Transition.EXECUTED);
            } else if (event instanceof RequestExecutionFailedEvent) {
                return byService(Transition.EXECUTION_FAILED);
            }
            throw new IllegalArgumentException("No audit transition for " + event.getClass().getSimpleName());
        }
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
