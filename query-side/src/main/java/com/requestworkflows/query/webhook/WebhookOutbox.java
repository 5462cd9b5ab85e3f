package com.requestworkflows.query.webhook;

import com.requestworkflows.api.request.RequestEvent;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.api.request.RequestWorkflowEvent;
import com.requestworkflows.api.request.WorkflowMetaData;
import com.requestworkflows.query.projection.AttributesCodec;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Turns each stored request event into deliveries, one per subscription that wants it. It runs in its own
 * streaming processor ({@link WebhookConfiguration}), whose unit of work shares the JDBC transaction that stores
 * its token: a delivery is queued exactly when the processor moves past its event, so an event that was never
 * stored is never queued and a stored one is never skipped, whenever the process dies.
 */
@Component
@ProcessingGroup(WebhookOutbox.PROCESSING_GROUP)
public class WebhookOutbox {

    public static final String PROCESSING_GROUP = "webhook-outbox";

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveryQueue queue;
    private final EventStore eventStore;
    private final AttributesCodec json;

    public WebhookOutbox(WebhookSubscriptions subscriptions, WebhookDeliveryQueue queue, EventStore eventStore,
                         AttributesCodec json) {
        this.subscriptions = subscriptions;
        this.queue = queue;
        this.eventStore = eventStore;
        this.json = json;
    }

    /** Never again for past events: a replay would send subscribers what they already have. */
    @EventHandler
    @DisallowReplay
    void on(RequestEvent event, DomainEventMessage<?> message) {
        List<WebhookSubscription> live = subscriptions.live(event.orgId());
        if (live.isEmpty()) {
            return;
        }
        Change change = changeOf(message);
        List<WebhookSubscription> interested = live.stream().filter(subscription -> subscription.wants(change.after()))
                .toList();
        if (interested.isEmpty()) {
            return;
        }
        // Serialized once: the stored text is exactly what is signed and sent, on every attempt.
        String payload = json.write(RequestWorkflowEvent.of(change.before(), change.after(), message.getIdentifier(),
                apiRequestId(message), message.getTimestamp()));
        interested.forEach(subscription -> queue.enqueue(subscription, message, change.after(), payload));
    }

    /** The request just before and just after {@code message}, from its events in the store. */
    private Change changeOf(DomainEventMessage<?> message) {
        RequestView before = null;
        RequestView after = null;
        long reached = -1;
        DomainEventStream events = eventStore.readEvents(message.getAggregateIdentifier(), 0);
        while (reached < message.getSequenceNumber() && events.hasNext()) {
            DomainEventMessage<?> stored = events.next();
            before = after;
            after = RequestView.evolve(after, stored.getPayload(), stored.getTimestamp());
            reached = stored.getSequenceNumber();
        }
        if (reached != message.getSequenceNumber()) {
            throw new IllegalStateException("Event " + message.getSequenceNumber() + " of request "
                    + message.getAggregateIdentifier() + " is not in the event store");
        }
        return new Change(before, after);
    }

    private static String apiRequestId(DomainEventMessage<?> message) {
        Object apiRequestId = message.getMetaData().get(WorkflowMetaData.API_REQUEST_ID);
        return apiRequestId == null ? null : apiRequestId.toString();
    }

    private record Change(RequestView before, RequestView after) {
    }
}
