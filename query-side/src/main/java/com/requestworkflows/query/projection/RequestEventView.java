package com.requestworkflows.query.projection;

import com.requestworkflows.api.request.RequestEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

/**
 * A view built from request events: its processor hands every request event to
 * {@link #apply(RequestEvent, DomainEventMessage, String)} with the live collection, a rebuild with a fresh one.
 */
public abstract class RequestEventView implements RebuildableView {

    private final String processingGroup;
    private final String collection;

    protected RequestEventView(String processingGroup, String collection) {
        this.processingGroup = processingGroup;
        this.collection = collection;
    }

    @EventHandler
    public void on(RequestEvent event, EventMessage<?> message) {
        apply(message, collection);
    }

    @Override
    public final void apply(EventMessage<?> message, String target) {
        if (message.getPayload() instanceof RequestEvent event && message instanceof DomainEventMessage<?> domain) {
            apply(event, domain, target);
        }
    }

    /**
     * Applies one request event to {@code target}; idempotently, keyed by the request and guarded by the event's
     * sequence number ({@code message} has it, and the time).
     */
    protected abstract void apply(RequestEvent event, DomainEventMessage<?> message, String target);

    @Override
    public final String processingGroup() {
        return processingGroup;
    }

    @Override
    public final String collection() {
        return collection;
    }
}
