package com.requestworkflows.query.webhook;

import com.requestworkflows.api.request.RequestEvent;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.api.request.WorkflowTrail;
import com.requestworkflows.query.pointintime.RequestTimeline;
import com.requestworkflows.query.projection.AttributesCodec;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Turns each stored request event into deliveries, one per subscription that wants it, in the reference form of
 * the workflow events, or the detailed one for subscriptions that ask for the execution's stages. It runs in its own
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
        WorkflowTrail.Step step = timeline.stepMadeBy(message);
        RequestView after = step.trail().request();
        // Serialized once per form: the stored text is exactly what is signed and sent, on every attempt.
        String reference = step.reference() == null ? null : json.write(step.reference());
        String detailed = step.detailed() == null ? null : json.write(step.detailed());
        for (WebhookSubscription subscription : live) {
            String payload = subscription.includeExecution() ? detailed : reference;
            if (payload != null && subscription.wants(after)) {
                queue.enqueue(subscription, message, after, payload);
            }
        }
    }
}
