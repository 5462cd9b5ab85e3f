package com.requestworkflows.query.request;

import com.requestworkflows.api.request.RequestApprovedEvent;
import com.requestworkflows.api.request.RequestCancelledEvent;
import com.requestworkflows.api.request.RequestRejectedEvent;
import com.requestworkflows.api.request.RequestSubmittedEvent;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.query.projection.AttributesCodec;
import com.requestworkflows.query.projection.IdempotentViewWriter;
import com.requestworkflows.query.projection.ProjectionConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.UnaryOperator;

/** Every request of every org as it stands now: the source of {@code GET /requests} and its search. */
@Component
@ProcessingGroup(ProjectionConfiguration.REQUEST_VIEW)
public class RequestViewProjection {

    static final String COLLECTION = "requests";

    private final IdempotentViewWriter views;
    private final AttributesCodec codec;

    public RequestViewProjection(IdempotentViewWriter views, AttributesCodec codec) {
        this.views = views;
        this.codec = codec;
    }

    @EventHandler
    void on(RequestSubmittedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        views.insertOnce(RequestDocument.of(RequestView.submitted(event, at), sequence, codec), COLLECTION);
    }

    @EventHandler
    void on(RequestApprovedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.requestId(), sequence, view -> view.approved(event, at));
    }

    @EventHandler
    void on(RequestRejectedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.requestId(), sequence, view -> view.rejected(event, at));
    }

    @EventHandler
    void on(RequestCancelledEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        evolve(event.requestId(), sequence, view -> view.cancelled(event, at));
    }

    private void evolve(String requestId, long sequence, UnaryOperator<RequestView> change) {
        views.evolve(requestId, sequence, RequestDocument.class, COLLECTION,
                document -> RequestDocument.of(change.apply(document.toView(codec)), sequence, codec));
    }
}
