package com.requestworkflows.command.eventstore.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.requestworkflows.api.request.RequestApprovedEvent;
import com.requestworkflows.api.request.RequestRejectedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Old event rows, as the JDBC event store hands them to the upcaster chain, read back as today's events. */
class RequestApprovedEventUpcasterTest {

    private static final String REQUEST_ID = "0b6c7a0e-5f0e-4b7e-9a39-0a4b7f2d0c11";

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new RequestApprovedEventUpcaster());

    /** The payload as stored before {@code executionRequired} existed: revision 1, or no revision at all. */
    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "1")
    void anApprovalStoredWithoutExecutionRequiredReadsAsApprovedWithoutExecution(String storedRevision) {
        String oldPayload = """
                {"requestId": "%s", "orgId": 0, "checkerId": 2001, "comment": "looks right",
                 "approvalType": null, "approvalRule": null}""".formatted(REQUEST_ID);

        DomainEventMessage<?> read = readBack(RequestApprovedEvent.class.getName(), storedRevision, oldPayload);

        assertThat(read.getPayload()).isEqualTo(
                new RequestApprovedEvent(REQUEST_ID, 0, 2001L, "looks right", null, null, false));
        assertThat(read.getPayloadType()).isEqualTo(RequestApprovedEvent.class);
    }

    /** The chain itself rewrites the row: revision 2 with the field set, not merely Jackson's default for it. */
    @Test
    void theUpcastRowIsRevisionTwoWithExecutionRequiredFalse() {
        GenericDomainEventEntry<String> row = row(RequestApprovedEvent.class.getName(), null, """
                {"requestId": "%s", "orgId": 0, "checkerId": 2001, "comment": null}""".formatted(REQUEST_ID));

        List<IntermediateEventRepresentation> upcast =
                upcasters.upcast(Stream.of(new InitialEventRepresentation(row, serializer))).toList();

        assertThat(upcast).singleElement().satisfies(representation -> {
            assertThat(representation.getType().getRevision()).isEqualTo("2");
            JsonNode payload = representation.getData(JsonNode.class).getData();
            assertThat(payload.has("executionRequired")).isTrue();
            assertThat(payload.get("executionRequired").asBoolean(true)).isFalse();
        });
    }

    @Test
    void aCurrentApprovalIsLeftAsItIs() {
        String payload = """
                {"requestId": "%s", "orgId": 0, "checkerId": 2001, "comment": null,
                 "approvalType": null, "approvalRule": null, "executionRequired": true}""".formatted(REQUEST_ID);

        DomainEventMessage<?> read = readBack(RequestApprovedEvent.class.getName(), "2", payload);

        assertThat(((RequestApprovedEvent) read.getPayload()).executionRequired()).isTrue();
    }

    /** Other events needed no change: a NULL stored revision still reads, since Jackson ignores revisions. */
    @Test
    void anotherEventStoredWithoutARevisionStillReads() {
        String payload = """
                {"requestId": "%s", "orgId": 0, "checkerId": 2001, "comment": "no"}""".formatted(REQUEST_ID);

        DomainEventMessage<?> read = readBack(RequestRejectedEvent.class.getName(), null, payload);

        assertThat(read.getPayload()).isEqualTo(new RequestRejectedEvent(REQUEST_ID, 0, 2001, "no"));
    }

    /** Reads one stored row the way the event store does: through the upcaster chain, then the serializer. */
    private DomainEventMessage<?> readBack(String payloadType, String revision, String payload) {
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.asStream(EventStreamUtils
                .upcastAndDeserializeDomainEvents(Stream.of(row(payloadType, revision, payload)), serializer,
                        upcasters)).toList();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** A {@code domain_event_entry} row as stored: JSON text, with this payload type and revision (maybe null). */
    private static GenericDomainEventEntry<String> row(String payloadType, String revision, String payload) {
        return new GenericDomainEventEntry<>("Request", REQUEST_ID, 1, "event-1",
                Instant.parse("2024-02-03T10:15:30Z"), payloadType, revision, payload, "{}");
    }
}
