package com.requestworkflows.query.request;

import com.requestworkflows.api.request.RequestEvent;
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
    void on(RequestEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        if (event instanceof RequestSubmittedEvent) {
            views.insertOnce(RequestDocument.of(RequestView.evolve(null, event, at), sequence, codec), COLLECTION);
        } else {
            views.evolve(event.requestId(), sequence, RequestDocument.class, COLLECTION, document ->
                    RequestDocument.of(RequestView.evolve(document.toView(codec), event, at), sequence, codec));
        }
    }
}
