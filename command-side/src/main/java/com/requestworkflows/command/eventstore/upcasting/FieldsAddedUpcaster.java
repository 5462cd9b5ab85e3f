package com.requestworkflows.command.eventstore.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Reads an event stored before its revision {@code to} added fields: the fields get the values that events of
 * the older revisions meant. One instance per step of an event's history; Axon chains them in the order of their
 * beans ({@link UpcasterConfiguration}). A {@code null} among {@code from} stands for events stored before revisions
 * were recorded (a NULL {@code payload_revision}).
 */
public class FieldsAddedUpcaster extends SingleEventUpcaster {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String payloadType;
    private final String[] from;
    private final String to;
    private final Map<String, Object> addedFields;

    public FieldsAddedUpcaster(Class<?> payloadType, String[] from, String to, Map<String, Object> addedFields) {
        this.payloadType = payloadType.getName();
        this.from = from.clone();
        this.to = to;
        this.addedFields = addedFields;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        return payloadType.equals(representation.getType().getName())
                && Arrays.stream(from).anyMatch(old -> Objects.equals(old, revision));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(payloadType, to), JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            addedFields.forEach((field, value) -> event.set(field, JSON.valueToTree(value)));
            return event;
        });
    }
}
