package com.requestworkflows.query.reporting;

import com.requestworkflows.api.request.RequestEvent;
import com.requestworkflows.api.request.RequestSubmittedEvent;
import com.requestworkflows.query.projection.IdempotentViewWriter;
import com.requestworkflows.query.projection.ProjectionConfiguration;
import com.requestworkflows.query.projection.RequestEventView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * One {@link RequestFact} per request, the source of every report. Reports count at read time, so an event
 * delivered twice cannot count twice: each event is one idempotent write of its request's document.
 */
@Component
@ProcessingGroup(ProjectionConfiguration.REQUEST_FACTS)
public class RequestFactsProjection extends RequestEventView {

    static final String COLLECTION = "request_facts";

    private final IdempotentViewWriter views;

    public RequestFactsProjection(IdempotentViewWriter views) {
        super(ProjectionConfiguration.REQUEST_FACTS, COLLECTION);
        this.views = views;
    }

    @Override
    protected void apply(RequestEvent event, DomainEventMessage<?> message, String target) {
        long sequence = message.getSequenceNumber();
        long at = message.getTimestamp().toEpochMilli();
        if (event instanceof RequestSubmittedEvent submitted) {
            views.insertOnce(RequestFact.submitted(submitted, at, sequence), target);
        } else if (RequestFact.changedBy(event)) {
            views.evolve(event.requestId(), sequence, RequestFact.class, target,
                    fact -> fact.after(event, at, sequence));
        }
    }

}
