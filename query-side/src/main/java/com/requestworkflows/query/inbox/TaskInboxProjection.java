package com.requestworkflows.query.inbox;

import com.requestworkflows.api.request.RequestApprovedEvent;
import com.requestworkflows.api.request.RequestCancelledEvent;
import com.requestworkflows.api.request.RequestRejectedEvent;
import com.requestworkflows.api.request.RequestSubmittedEvent;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.query.projection.AttributesCodec;
import com.requestworkflows.query.projection.IdempotentViewWriter;
import com.requestworkflows.query.projection.ProjectionConfiguration;
import com.requestworkflows.query.request.RequestDocument;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The checkers' inbox: pending requests only, so that it stays small however long the history grows. A request
 * leaves it with its first decision.
 */
@Component
@ProcessingGroup(ProjectionConfiguration.TASK_INBOX)
public class TaskInboxProjection {

    static final String COLLECTION = "pending_tasks";

    private final IdempotentViewWriter views;
    private final AttributesCodec codec;

    public TaskInboxProjection(IdempotentViewWriter views, AttributesCodec codec) {
        this.views = views;
        this.codec = codec;
    }

    @EventHandler
    void on(RequestSubmittedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        views.insertOnce(RequestDocument.of(RequestView.submitted(event, at), sequence, codec), COLLECTION);
    }

    @EventHandler
    void on(RequestApprovedEvent event) {
        views.delete(event.requestId(), COLLECTION);
    }

    @EventHandler
    void on(RequestRejectedEvent event) {
        views.delete(event.requestId(), COLLECTION);
    }

    @EventHandler
    void on(RequestCancelledEvent event) {
        views.delete(event.requestId(), COLLECTION);
    }
}
