package com.requestworkflows.command.request;

import com.requestworkflows.api.error.ExecutionNotRetryableException;
import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.error.NotRequesterException;
import com.requestworkflows.api.error.OutsideCheckerScopeException;
import com.requestworkflows.api.error.RequestNotFoundException;
import com.requestworkflows.api.error.RequestNotPendingException;
import com.requestworkflows.api.error.SameUserException;
import com.requestworkflows.api.request.Adjustment;
import com.requestworkflows.api.request.ApproveRequestCommand;
import com.requestworkflows.api.request.CancelRequestCommand;
import com.requestworkflows.api.request.ExecutionAttempt;
import com.requestworkflows.api.request.ExecutionView;
import com.requestworkflows.api.request.NumberRequestCommand;
import com.requestworkflows.api.request.RecordExecutionAttemptCommand;
import com.requestworkflows.api.request.RejectRequestCommand;
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
import com.requestworkflows.api.request.RetryExecutionCommand;
import com.requestworkflows.command.execution.ExecutionTargets;
import com.requestworkflows.command.numbering.RequestNumbers;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One maker-checker request. It is created pending (and, when a rule or the client says so, approved by the service
 * in the same step); afterwards only a checker other than its maker can decide it (approving it as it is, or with
 * its value changed where its type allows), and only its maker can withdraw it, both while it is still pending. An approval whose type has a target is then executed: the executor reports
 * each call and the request decides what it means (2xx approved, 4xx failed, anything else retried until the last
 * attempt). Every handler answers with the request as it now stands.
 */
@Aggregate
public class Request {

    @AggregateIdentifier
    private String requestId;
    private RequestView view;

    protected Request() {
        // for Axon
    }

    Request(RequestSubmittedEvent submitted, RequestApprovedEvent autoApproval) {
        apply(submitted);
        if (autoApproval != null) {
            apply(autoApproval);
        }
    }

    @CommandHandler
    public RequestView handle(ApproveRequestCommand command, ExecutionTargets targets) {
        requireDecidableBy(command.orgId(), command.checkerId(), command.decidableTypes());
        Adjustment adjustment = AdjustmentRules.parse(view.requestType(), view.baseType(), command.adjustment());
        apply(RequestApprovedEvent.byChecker(requestId, command.orgId(), command.checkerId(), command.comment(),
                targets.configured(view.requestType()), adjustment));
        return view;
    }

    /** A request submitted before requests were numbered gets its number; one that has a number keeps it. */
    @CommandHandler
    public RequestView handle(NumberRequestCommand command, RequestNumbers numbers) {
        if (view.requestNumber() == null) {
            apply(new RequestNumberedEvent(requestId, view.orgId(), numbers.assign(view.orgId(), requestId)));
        }
        return view;
    }

    @CommandHandler
    public RequestView handle(RejectRequestCommand command) {
        requireDecidableBy(command.orgId(), command.checkerId(), command.decidableTypes());
        if (command.comment() == null || command.comment().isBlank()) {
            throw new InvalidRequestException("comment", "is required to reject a request");
        }
        apply(new RequestRejectedEvent(requestId, command.orgId(), command.checkerId(), command.comment()));
        return view;
    }

    @CommandHandler
    public RequestView handle(CancelRequestCommand command) {
        requirePendingIn(command.orgId());
        if (command.requesterId() != view.requesterId()) {
            throw new NotRequesterException();
        }
        apply(new RequestCancelledEvent(requestId, command.orgId(), command.requesterId(), command.comment()));
        return view;
    }

    /**
     * One call's outcome. A report of an attempt that was already recorded (sent again after a crash) or of an
     * earlier round changes nothing.
     */
    @CommandHandler
    public RequestView handle(RecordExecutionAttemptCommand command) {
        ExecutionAttempt attempt = command.attempt();
        ExecutionView execution = view.execution();
        if (view.state() != RequestState.EXECUTING || command.round() != execution.round()
                || attempt.attempt() != execution.attempts() + 1) {
            return view;
        }
        if (attempt.succeeded()) {
            apply(new RequestExecutedEvent(requestId, view.orgId(), command.round(), attempt));
        } else if (attempt.refused() || attempt.attempt() >= command.maxAttempts()) {
            apply(new RequestExecutionFailedEvent(requestId, view.orgId(), command.round(), attempt));
        } else {
            apply(new RequestExecutionAttemptFailedEvent(requestId, view.orgId(), command.round(), attempt,
                    command.nextAttemptAt()));
        }
        return view;
    }

    @CommandHandler
    public RequestView handle(RetryExecutionCommand command) {
        if (command.orgId() != view.orgId()) {
            throw new RequestNotFoundException(requestId);
        }
        if (view.state() != RequestState.FAILED) {
            throw new ExecutionNotRetryableException(requestId, view.state().wire());
        }
        apply(new RequestExecutionRetriedEvent(requestId, view.orgId(), view.execution().round() + 1,
                command.adminId()));
        return view;
    }

    RequestView view() {
        return view;
    }

    private void requireDecidableBy(long orgId, long checkerId, Set<RequestType> decidableTypes) {
        requirePendingIn(orgId);
        if (checkerId == view.requesterId()) {
            throw new SameUserException();
        }
        if (!decidableTypes.isEmpty() && !decidableTypes.contains(view.requestType())) {
            throw new OutsideCheckerScopeException(view.requestType().name());
        }
    }

    private void requirePendingIn(long orgId) {
        if (orgId != view.orgId()) {
            throw new RequestNotFoundException(requestId);
        }
        if (view.state() != RequestState.PENDING) {
            throw new RequestNotPendingException(requestId, view.state().wire());
        }
    }

    @EventSourcingHandler
    void on(RequestEvent event, @Timestamp Instant at) {
        requestId = event.requestId();
        view = RequestView.evolve(view, event, at);
    }
}
