package com.requestworkflows.command.eventstore.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.requestworkflows.api.request.RequestApprovedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads {@link RequestApprovedEvent}s stored before revision 2, which added {@code executionRequired}: those
 * requests were approved without a call to the loyalty platform, so the field is {@code false}. Events stored before
 * revisions were recorded have none (a NULL {@code payload_revision}) and count as revision 1.
 * <p>
 * A Spring bean, so Axon's Spring Boot auto-configuration adds it to the event store's upcaster chain; the chain
 * runs on every read of the store (aggregates, event processors, replays).
 */
@Component
public class RequestApprovedEventUpcaster extends SingleEventUpcaster {

    static final String PAYLOAD_TYPE = RequestApprovedEvent.class.getName();
    static final String OLD_REVISION = "1";
    static final String NEW_REVISION = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        return PAYLOAD_TYPE.equals(representation.getType().getName())
                && (revision == null || OLD_REVISION.equals(revision));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(PAYLOAD_TYPE, NEW_REVISION), JsonNode.class,
                payload -> ((ObjectNode) payload).put("executionRequired", false));
    }
}
