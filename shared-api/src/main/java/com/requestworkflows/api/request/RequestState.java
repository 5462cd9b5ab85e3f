package com.requestworkflows.api.request;

import com.fasterxml.jackson.annotation.JsonValue;
import com.requestworkflows.api.error.InvalidRequestException;

import java.util.Arrays;

/**
 * Request states with the reference's wire spellings, plus {@code executing} (approved, its action under way) and
 * {@code cancelled} (withdrawn by its maker). Only {@link #PENDING} can be decided; {@link #EXECUTING} ends in
 * approved or failed; the others are final, except that an admin may retry a failed execution.
 */
public enum RequestState {
    PENDING("AdminTask"),
    EXECUTING("executing"),
    APPROVED("approved"),
    REJECTED("rejected"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String wire;

    RequestState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /**
     * The state a request in this one reaches with {@code event}: the one place that says which event leads where.
     * An execution attempt that will be tried again changes nothing.
     */
    public RequestState after(RequestEvent event) {
        if (event instanceof RequestSubmittedEvent) {
            return PENDING;
        } else if (event instanceof RequestApprovedEvent approved) {
            return approved.executionRequired() ? EXECUTING : APPROVED;
        } else if (event instanceof RequestRejectedEvent) {
            return REJECTED;
        } else if (event instanceof RequestCancelledEvent) {
            return CANCELLED;
        } else if (event instanceof RequestExecutedEvent) {
            return APPROVED;
        } else if (event instanceof RequestExecutionFailedEvent) {
            return FAILED;
        } else if (event instanceof RequestExecutionRetriedEvent) {
            return EXECUTING;
        }
        return this;
    }

    /**
     * The status the member-care API (v1.1) shows, which knows only PENDING, APPROVED and REJECTED: a request
     * approved by a checker is APPROVED while its action is carried out and whatever the platform then answered
     * (the {@code workflow_state} beside it tells executing and failed apart); a withdrawn one is REJECTED.
     */
    public String memberCareStatus() {
        return switch (this) {
            case PENDING -> "PENDING";
            case EXECUTING, APPROVED, FAILED -> "APPROVED";
            case REJECTED, CANCELLED -> "REJECTED";
        };
    }

    /** Whether the request has an outcome in this state (it may still change: a failed execution can be retried). */
    public boolean isOutcome() {
        return this != PENDING && this != EXECUTING;
    }

    /** Accepts the wire spelling (case-insensitive) or the constant name, e.g. {@code AdminTask} or {@code PENDING}. */
    public static RequestState parse(String field, String value) {
        return Arrays.stream(values())
                .filter(state -> state.wire.equalsIgnoreCase(value) || state.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException(field, "'" + value + "' is not a request state; one of "
                        + Arrays.stream(values()).map(RequestState::wire).toList()));
    }
}
