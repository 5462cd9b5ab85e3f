package com.requestworkflows.query.history;

import com.requestworkflows.api.request.RequestEvent;
import com.requestworkflows.api.request.RequestSubmittedEvent;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.api.request.RequestWorkflowEvent;
import com.requestworkflows.query.projection.AttributesCodec;
import com.requestworkflows.query.projection.IdempotentViewWriter;
import com.requestworkflows.query.projection.ProjectionConfiguration;
import com.requestworkflows.query.projection.RequestEventView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail of each request: one {@code requestWorkflowEvent} per event of the request (each state change and
 * each execution attempt), oldest first.
 */
@Component
@ProcessingGroup(ProjectionConfiguration.REQUEST_HISTORY)
public class RequestHistoryProjection extends RequestEventView {

    static final String COLLECTION = "request_history";

    private final IdempotentViewWriter views;
    private final AttributesCodec codec;

    public RequestHistoryProjection(IdempotentViewWriter views, AttributesCodec codec) {
        super(ProjectionConfiguration.REQUEST_HISTORY, COLLECTION);
        this.views = views;
        this.codec = codec;
    }

    @Override
    protected void apply(RequestEvent event, DomainEventMessage<?> message, String target) {
        long sequence = message.getSequenceNumber();
        if (event instanceof RequestSubmittedEvent) {
            RequestView submitted = RequestView.evolve(null, event, message.getTimestamp());
            views.insertOnce(new RequestHistoryDocument(event.requestId(), event.orgId(), sequence,
                    codec.write(submitted), List.of(workflowEvent(null, submitted, message))), target);
            return;
        }
        views.evolve(event.requestId(), sequence, RequestHistoryDocument.class, target, history -> {
            RequestView previous = codec.read(history.currentView(), RequestView.class);
            RequestView current = RequestView.evolve(previous, event, message.getTimestamp());
            List<String> events = new ArrayList<>(history.events());
            events.add(workflowEvent(previous, current, message));
            return new RequestHistoryDocument(event.requestId(), history.orgId(), sequence, codec.write(current),
                    events);
        });
    }

    private String workflowEvent(RequestView previous, RequestView current, EventMessage<?> message) {
        return codec.write(RequestWorkflowEvent.of(previous, current, message));
    }
}
