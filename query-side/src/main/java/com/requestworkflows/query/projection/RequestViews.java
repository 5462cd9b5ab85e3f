package com.requestworkflows.query.projection;

import com.requestworkflows.api.request.RequestEvent;
import com.requestworkflows.query.audit.AuditEntry;
import com.requestworkflows.query.request.RequestDocument;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The views, kept by one event processor ({@link ProjectionConfiguration#VIEWS}) from the request events: each
 * event reads its request's document once, and writes it changed and an audit entry for the change. A rebuild
 * applies the same to fresh collections.
 */
@Component
@ProcessingGroup(ProjectionConfiguration.VIEWS)
public class RequestViews {

    private static final Logger log = LoggerFactory.getLogger(RequestViews.class);

    private final AttributesCodec codec;

    public RequestViews(AttributesCodec codec) {
        this.codec = codec;
    }

    @EventHandler
    void on(RequestEvent event, DomainEventMessage<?> message) {
        apply(message, ViewWrites.ofCurrentBatch());
    }

    /**
     * Applies one stored event to the views {@code writes} go to; an event the request's document has seen
     * already, and any other kind of event, changes nothing.
     */
    public void apply(DomainEventMessage<?> message, ViewWrites writes) {
        if (!(message.getPayload() instanceof RequestEvent event)) {
            return;
        }
        long sequence = message.getSequenceNumber();
        RequestDocument before = sequence == 0 ? null : writes.request(event.requestId());
        if (sequence > 0 && (before == null || before.lastSequence() >= sequence)) {
            if (before == null) {
                log.warn("No request {} in the views to apply its event {} to", event.requestId(), sequence);
            }
            return;
        }
        RequestDocument after = RequestDocument.after(before, event, sequence, message.getTimestamp(), codec);
        AuditEntry.of(before == null ? null : before.toView(null), after.toView(null), event, message)
                .ifPresent(writes::insert);
        writes.write(after);
    }
}
