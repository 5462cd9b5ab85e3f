package com.requestworkflows.query.webhook;

import com.requestworkflows.query.projection.PromptEventSource;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the webhook outbox processor and turns on the scheduled dispatcher. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class WebhookConfiguration {

    /**
     * The outbox has a pooled streaming processor of its own on the event store. It starts at the head of the
     * stream the first time: no subscription can predate it, and older events are never sent. A failing event stops
     * the processor's segment and is tried again, never skipped (the default would log it and move on).
     */
    @Autowired
    void configure(EventProcessingConfigurer processing, PromptEventSource events) {
        processing.registerPooledStreamingEventProcessor(WebhookOutbox.PROCESSING_GROUP,
                        configuration -> events,
                        (configuration, builder) -> builder
                                .initialToken(StreamableMessageSource::createHeadToken)
                                .initialSegmentCount(2)
                                .tokenClaimInterval(500)
                                .batchSize(100))
                .registerListenerInvocationErrorHandler(WebhookOutbox.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
