package com.requestworkflows.api.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;

/**
 * One state change of a request in the reference's {@code requestWorkflowEvent} wire format: what the history
 * endpoint answers and what subscribers receive. {@code checkerId}, {@code comment} and {@code previousRequestState}
 * appear only once a request has been decided, {@code reason} only on the pending event, and
 * {@code loyaltyEventId} is always present and null. Additions to the reference: {@code baseType} for the member-care
 * types, {@code approvalType}/{@code approvalRule} when the service approved a request by itself,
 * {@code approvedValue} when the checker changed the request's value as they approved it, and, in the detailed form
 * only ({@link WorkflowTrail}), {@code execution}: where carrying out the approved action stands.
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
            "previousRequestState", "updateTime", "comment", "reason", "approvalType", "approvalRule", "approvedValue",
            "execution", "requestAttributes"})
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
                       Adjustment approvedValue,
                       ExecutionView execution,
                       RequestAttributes requestAttributes) {
    }

    /**
     * The workflow event for the request reaching {@code current} from {@code previousState} (null: it was just
     * submitted), with {@code execution} only when asked for ({@code withExecution}).
     */
    public static RequestWorkflowEvent of(RequestView current, RequestState previousState, String eventId,
                                          String apiRequestId, Instant at, boolean withExecution) {
        boolean submission = previousState == null;
        Data data = new Data(current.requestId(), current.requestType(), current.baseType(), current.requesterId(),
                current.checkerId(), current.state(), previousState, current.updateTime(),
                submission ? null : current.comment(), submission ? current.reason() : null,
                current.approvalType(), current.approvalRule(), current.approvedValue(),
                withExecution ? callsOf(current.execution()) : null, current.requestAttributes());
        return new RequestWorkflowEvent(EVENT_NAME, eventId, current.orgId(), current.refId(), apiRequestId,
                at.toEpochMilli(), data, null);
    }

    /** Only executions that involve calls are news to subscribers; the view alone says when none is configured. */
    private static ExecutionView callsOf(ExecutionView execution) {
        return execution == null || execution.status() == ExecutionView.Status.NOT_CONFIGURED ? null : execution;
    }
}
