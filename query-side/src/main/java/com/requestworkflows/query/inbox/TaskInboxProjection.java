package com.requestworkflows.query.inbox;

import com.requestworkflows.api.request.RequestApprovedEvent;
import com.requestworkflows.api.request.RequestCancelledEvent;
import com.requestworkflows.api.request.RequestEvent;
import com.requestworkflows.api.request.RequestRejectedEvent;
import com.requestworkflows.api.request.RequestSubmittedEvent;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.query.projection.AttributesCodec;
import com.requestworkflows.query.projection.IdempotentViewWriter;
import com.requestworkflows.query.projection.ProjectionConfiguration;
import com.requestworkflows.query.projection.RequestEventView;
import com.requestworkflows.query.request.RequestDocument;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * The checkers' inbox: pending requests only, so that it stays small however long the history grows. A request
 * leaves it with its first decision.
 */
@Component
@ProcessingGroup(ProjectionConfiguration.TASK_INBOX)
public class TaskInboxProjection extends RequestEventView {

    static final String COLLECTION = "pending_tasks";

    private final IdempotentViewWriter views;
    private final AttributesCodec codec;

    public TaskInboxProjection(IdempotentViewWriter views, AttributesCodec codec) {
        super(ProjectionConfiguration.TASK_INBOX, COLLECTION);
        this.views = views;
        this.codec = codec;
    }

    /** Submitted: in. Decided or withdrawn: out. Execution events do not concern the inbox. */
    @Override
    protected void apply(RequestEvent event, DomainEventMessage<?> message, String target) {
        if (event instanceof RequestSubmittedEvent submitted) {
            views.insertOnce(RequestDocument.of(RequestView.submitted(submitted, message.getTimestamp()),
                    message.getSequenceNumber(), codec), target);
        } else if (event instanceof RequestApprovedEvent || event instanceof RequestRejectedEvent
                || event instanceof RequestCancelledEvent) {
            views.delete(event.requestId(), target);
        }
    }
}
