package com.requestworkflows.query.request;

import com.requestworkflows.api.request.RequestEvent;
import com.requestworkflows.api.request.RequestSubmittedEvent;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.query.projection.AttributesCodec;
import com.requestworkflows.query.projection.IdempotentViewWriter;
import com.requestworkflows.query.projection.ProjectionConfiguration;
import com.requestworkflows.query.projection.RequestEventView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Every request of every org as it stands now: the source of {@code GET /requests} and its search. */
@Component
@ProcessingGroup(ProjectionConfiguration.REQUEST_VIEW)
public class RequestViewProjection extends RequestEventView {

    static final String COLLECTION = "requests";

    private final IdempotentViewWriter views;
    private final AttributesCodec codec;

    public RequestViewProjection(IdempotentViewWriter views, AttributesCodec codec) {
        super(ProjectionConfiguration.REQUEST_VIEW, COLLECTION);
        this.views = views;
        this.codec = codec;
    }

    @Override
    protected void apply(RequestEvent event, DomainEventMessage<?> message, String target) {
        long sequence = message.getSequenceNumber();
        Instant at = message.getTimestamp();
        if (event instanceof RequestSubmittedEvent) {
            views.insertOnce(RequestDocument.of(RequestView.evolve(null, event, at), sequence, codec), target);
        } else {
            views.evolve(event.requestId(), sequence, RequestDocument.class, target, document ->
                    RequestDocument.of(RequestView.evolve(document.toView(codec), event, at), sequence, codec));
        }
    }

}
