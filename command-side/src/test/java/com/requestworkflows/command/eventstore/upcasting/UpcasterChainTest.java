package com.requestworkflows.command.eventstore.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.requestworkflows.api.request.Adjustment;
import com.requestworkflows.api.request.RequestApprovedEvent;
import com.requestworkflows.api.request.RequestAttributes;
import com.requestworkflows.api.request.RequestRejectedEvent;
import com.requestworkflows.api.request.RequestSubmittedEvent;
import com.requestworkflows.api.request.RequestType;
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
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Old event rows, as the JDBC event store hands them to the upcaster chain, read back as today's events. */
class UpcasterChainTest {

    private static final String REQUEST_ID = "0b6c7a0e-5f0e-4b7e-9a39-0a4b7f2d0c11";

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final UpcasterConfiguration configuration = new UpcasterConfiguration();
    /** In the order of the beans, as Axon chains them. */
    private final EventUpcasterChain upcasters = new EventUpcasterChain(configuration.approvalsBeforeExecution(),
            configuration.approvalsBeforeAdjustments(), configuration.submissionsBeforeNumbers());

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
                new RequestApprovedEvent(REQUEST_ID, 0, 2001L, "looks right", null, null, false, null));
        assertThat(read.getPayloadType()).isEqualTo(RequestApprovedEvent.class);
    }

    /** The chain itself rewrites the row: the current revision with the fields set, not merely Jackson's defaults. */
    @Test
    void anApprovalOfTheFirstRevisionIsRewrittenToTheCurrentOneStepByStep() {
        GenericDomainEventEntry<String> row = row(RequestApprovedEvent.class.getName(), null, """
                {"requestId": "%s", "orgId": 0, "checkerId": 2001, "comment": null}""".formatted(REQUEST_ID));

        List<IntermediateEventRepresentation> upcast =
                upcasters.upcast(Stream.of(new InitialEventRepresentation(row, serializer))).toList();

        assertThat(upcast).singleElement().satisfies(representation -> {
            assertThat(representation.getType().getRevision()).isEqualTo("3");
            JsonNode payload = representation.getData(JsonNode.class).getData();
            assertThat(payload.has("executionRequired")).isTrue();
            assertThat(payload.get("executionRequired").asBoolean(true)).isFalse();
            assertThat(payload.has("adjustment")).isTrue();
            assertThat(payload.get("adjustment").isNull()).isTrue();
        });
    }

    @Test
    void anApprovalOfRevisionTwoKeepsItsExecutionAndHasNoAdjustment() {
        String payload = """
                {"requestId": "%s", "orgId": 0, "checkerId": 2001, "comment": null,
                 "approvalType": null, "approvalRule": null, "executionRequired": true}""".formatted(REQUEST_ID);

        DomainEventMessage<?> read = readBack(RequestApprovedEvent.class.getName(), "2", payload);

        assertThat(read.getPayload()).isEqualTo(
                new RequestApprovedEvent(REQUEST_ID, 0, 2001L, null, null, null, true, null));
    }

    @Test
    void aCurrentApprovalIsLeftAsItIs() {
        String payload = """
                {"requestId": "%s", "orgId": 0, "checkerId": 2001, "comment": null, "approvalType": null,
                 "approvalRule": null, "executionRequired": true, "adjustment": {"field": "points", "value": 50}}"""
                .formatted(REQUEST_ID);

        DomainEventMessage<?> read = readBack(RequestApprovedEvent.class.getName(), "3", payload);

        assertThat(((RequestApprovedEvent) read.getPayload()).adjustment()).isEqualTo(new Adjustment("points", 50));
    }

    /** Submissions stored before requests were numbered read with no number and no word on automatic approval. */
    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "1")
    void aSubmissionOfTheFirstRevisionReadsWithoutANumber(String storedRevision) {
        String oldPayload = """
                {"requestId": "%s", "orgId": 0, "requesterId": 1001, "requestType": "EARN_BADGE", "baseType": null,
                 "referenceId": "r-1", "reason": null, "requestAttributes": {"body": {"customerId": 5}}}"""
                .formatted(REQUEST_ID);

        DomainEventMessage<?> read = readBack(RequestSubmittedEvent.class.getName(), storedRevision, oldPayload);

        assertThat(read.getPayload()).isEqualTo(new RequestSubmittedEvent(REQUEST_ID, 0, 1001, RequestType.EARN_BADGE,
                null, "r-1", null, new RequestAttributes(null, Map.of("customerId", 5)), null, null));
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
