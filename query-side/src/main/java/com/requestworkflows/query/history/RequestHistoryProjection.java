package com.requestworkflows.query.history;

import com.requestworkflows.api.request.RequestApprovedEvent;
import com.requestworkflows.api.request.RequestCancelledEvent;
import com.requestworkflows.api.request.RequestRejectedEvent;
import com.requestworkflows.api.request.RequestSubmittedEvent;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.api.request.RequestWorkflowEvent;
import com.requestworkflows.api.request.WorkflowMetaData;
import com.requestworkflows.query.projection.AttributesCodec;
import com.requestworkflows.query.projection.IdempotentViewWriter;
import com.requestworkflows.query.projection.ProjectionConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The audit trail of each request: one {@code requestWorkflowEvent} per state change, oldest first. */
@Component
@ProcessingGroup(ProjectionConfiguration.REQUEST_HISTORY)
public class RequestHistoryProjection {

    static final String COLLECTION = "request_history";

    private final IdempotentViewWriter views;
    private final AttributesCodec codec;

    public RequestHistoryProjection(IdempotentViewWriter views, AttributesCodec codec) {
        this.views = views;
        this.codec = codec;
    }

    @EventHandler
    void on(RequestSubmittedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        RequestView submitted = RequestView.submitted(event, message.getTimestamp());
        views.insertOnce(new RequestHistoryDocument(event.requestId(), event.orgId(), sequence, codec.write(submitted),
                List.of(workflowEvent(null, submitted, message))), COLLECTION);
    }

    @EventHandler
    void on(RequestApprovedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        append(event.requestId(), message, sequence, view -> view.approved(event, message.getTimestamp()));
    }

    @EventHandler
    void on(RequestRejectedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        append(event.requestId(), message, sequence, view -> view.rejected(event, message.getTimestamp()));
    }

    @EventHandler
    void on(RequestCancelledEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        append(event.requestId(), message, sequence, view -> view.cancelled(event, message.getTimestamp()));
    }

    private void append(String requestId, EventMessage<?> message, long sequence, UnaryOperator<RequestView> change) {
        views.evolve(requestId, sequence, RequestHistoryDocument.class, COLLECTION, history -> {
            RequestView previous = codec.read(history.currentView(), RequestView.class);
            RequestView current = change.apply(previous);
            List<String> events = new ArrayList<>(history.events());
            events.add(workflowEvent(previous, current, message));
            return new RequestHistoryDocument(requestId, history.orgId(), sequence, codec.write(current), events);
        });
    }

    private String workflowEvent(RequestView previous, RequestView current, EventMessage<?> message) {
        Object apiRequestId = message.getMetaData().get(WorkflowMetaData.API_REQUEST_ID);
        return codec.write(RequestWorkflowEvent.of(previous, current, message.getIdentifier(),
                apiRequestId == null ? null : apiRequestId.toString(), message.getTimestamp()));
    }
}
