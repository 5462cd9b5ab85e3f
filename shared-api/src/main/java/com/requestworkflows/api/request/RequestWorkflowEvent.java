package com.requestworkflows.api.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.axonframework.eventhandling.EventMessage;

import java.time.Instant;

/**
 * One state change of a request in the reference's {@code requestWorkflowEvent} wire format: what the history
 * endpoint answers and what subscribers receive. {@code checkerId}, {@code comment} and {@code previousRequestState}
 * appear only once a request has been decided, {@code reason} only on the pending event, and
 * {@code loyaltyEventId} is always present and null. Additions to the reference: {@code baseType} for the member-care
 * types, {@code approvalType}/{@code approvalRule} when the service approved a request by itself, and
 * {@code execution} once the approved action is being carried out against the loyalty platform (state
 * {@code executing}, one event per attempt), with the platform's answer on {@code approved} and {@code failed}.
 */
@JsonPropertyOrder({"eventName", "eventId", "orgId", "refId", "apiRequestId", "createdAt", "data", "loyaltyEventId"})
public record RequestWorkflowEvent(String eventName,
                                   String eventId,
                                   long orgId,
                                   String refId,
                                   String apiRequestId,
                                   long createdAt,
                                   Data data,
                                   @JsonInclude(JsonInclude.Include.ALWAYS) String loyaltyEventId) {

    public static final String EVENT_NAME = "requestWorkflowEvent";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"requestId", "requestType", "baseType", "requesterId", "checkerId", "currentRequestState",
            "previousRequestState", "updateTime", "comment", "reason", "approvalType", "approvalRule", "execution",
            "requestAttributes"})
    public record Data(String requestId,
                       RequestType requestType,
                       BaseType baseType,
                       long requesterId,
                       Long checkerId,
                       RequestState currentRequestState,
                       RequestState previousRequestState,
                       long updateTime,
                       String comment,
                       String reason,
                       ApprovalType approvalType,
                       String approvalRule,
                       ExecutionView execution,
                       RequestAttributes requestAttributes) {
    }

    /**
     * The workflow event that the stored event {@code message} stands for: its id and time, and the API call that
     * caused it (from the message's metadata).
     */
    public static RequestWorkflowEvent of(RequestView previous, RequestView current, EventMessage<?> message) {
        Object apiRequestId = message.getMetaData().get(WorkflowMetaData.API_REQUEST_ID);
        return of(previous, current, message.getIdentifier(), apiRequestId == null ? null : apiRequestId.toString(),
                message.getTimestamp());
    }

    /**
     * The workflow event for the change from {@code previous} (null for the submission) to {@code current}.
     */
    public static RequestWorkflowEvent of(RequestView previous, RequestView current, String eventId,
                                          String apiRequestId, Instant at) {
        boolean submission = previous == null;
        Data data = new Data(current.requestId(), current.requestType(), current.baseType(), current.requesterId(),
                current.checkerId(), current.state(), submission ? null : previous.state(), current.updateTime(),
                submission ? null : current.comment(), submission ? current.reason() : null,
                current.approvalType(), current.approvalRule(), callsOf(current.execution()),
                current.requestAttributes());
        return new RequestWorkflowEvent(EVENT_NAME, eventId, current.orgId(), current.refId(), apiRequestId,
                at.toEpochMilli(), data, null);
    }

    /** Only executions that involve calls are news to subscribers; the view alone says when none is configured. */
    private static ExecutionView callsOf(ExecutionView execution) {
        return execution == null || execution.status() == ExecutionView.Status.NOT_CONFIGURED ? null : execution;
    }
}
