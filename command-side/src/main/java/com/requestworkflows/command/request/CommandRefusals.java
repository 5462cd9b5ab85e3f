package com.requestworkflows.command.request;

import com.requestworkflows.api.error.ConcurrentChangeException;
import com.requestworkflows.api.error.RequestNotFoundException;
import com.requestworkflows.api.error.RequestWorkflowException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.Optional;

/**
 * What a command's failure means to the caller, in one place for every API: a refusal the caller can act on, or
 * nothing (an unexpected failure, reported as such). Axon's own signals become the service's refusals: an id no
 * request has (or another aggregate's) is not found; a lost race with a simultaneous change is a conflict.
 */
public final class CommandRefusals {

    private CommandRefusals() {
    }

    public static Optional<RequestWorkflowException> refusalOf(Throwable failure, String requestId) {
        if (failure instanceof RequestWorkflowException refusal) {
            return Optional.of(refusal);
        }
        if (failure instanceof AggregateNotFoundException || failure instanceof IncompatibleAggregateException) {
            return Optional.of(new RequestNotFoundException(requestId));
        }
        if (failure instanceof ConcurrencyException) {
            return Optional.of(new ConcurrentChangeException(requestId));
        }
        return Optional.empty();
    }
}
