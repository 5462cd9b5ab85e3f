package com.requestworkflows.query.webhook;

import com.requestworkflows.api.request.RequestEvent;
import com.requestworkflows.api.request.RequestWorkflowEvent;
import com.requestworkflows.query.pointintime.RequestTimeline;
import com.requestworkflows.query.projection.AttributesCodec;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
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
    private final RequestTimeline timeline;
    private final AttributesCodec json;

    public WebhookOutbox(WebhookSubscriptions subscriptions, WebhookDeliveryQueue queue, RequestTimeline timeline,
                         AttributesCodec json) {
        this.subscriptions = subscriptions;
        this.queue = queue;
        this.timeline = timeline;
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
        RequestTimeline.Change change = timeline.changeMadeBy(message);
        List<WebhookSubscription> interested = live.stream().filter(subscription -> subscription.wants(change.after()))
                .toList();
        if (interested.isEmpty()) {
            return;
        }
        // Serialized once: the stored text is exactly what is signed and sent, on every attempt.
        String payload = json.write(RequestWorkflowEvent.of(change.before(), change.after(), message));
        interested.forEach(subscription -> queue.enqueue(subscription, message, change.after(), payload));
    }
}
