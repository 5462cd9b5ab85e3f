package com.requestworkflows.command.numbering;

import com.fasterxml.jackson.databind.JsonNode;
import com.requestworkflows.api.request.RequestSubmittedEvent;
import com.requestworkflows.support.Requests;
import com.requestworkflows.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request stored by a build before requests had numbers (its submission of revision 1, without one) gets a number
 * once, at start-up, as an event of its own; its history and audit show no change for it.
 */
class LegacyRequestNumberingTest extends ServiceTest {

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("requests.data-dir", () -> dataDirectory.toString());
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LegacyRequestNumbering numbering;

    @Test
    void aRequestStoredWithoutANumberIsNumberedOnceAndKeepsItsHistory() {
        String id = UUID.randomUUID().toString();
        storeSubmissionOfAnEarlierBuild(id);
        requests.awaitState(id, "AdminTask");
        assertThat(api.get("auditor1", "/api/v1/requests/" + id).json().path("requestNumber").isNull()).isTrue();

        jdbc.update("DELETE FROM startup_task WHERE name = ?", LegacyRequestNumbering.TASK);
        numbering.numberOnce();
        numbering.numberOnce();

        await().atMost(Requests.VIEW_TIMEOUT).until(() ->
                !api.get("auditor1", "/api/v1/requests/" + id).json().path("requestNumber").isNull());
        long number = api.get("auditor1", "/api/v1/requests/" + id).json().path("requestNumber").asLong();
        JsonNode listed = api.get("auditor1", "/v1.1/request/get?start_id=" + number + "&end_id=" + number).json();
        assertThat(listed.at("/response/requests/request/0/reference_id").asText()).isEqualTo("legacy-" + id);
        assertThat(requests.awaitHistory(id, 1)).hasSize(1);
        assertThat(api.get("auditor1", "/api/v1/audit?referenceId=legacy-" + id).json().path("totalElements")
                .asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, id)).as("numbered once, whatever ran twice").isEqualTo(2);
        assertThat(requests.decide("checker1", id, "approve", "old but fine").json().path("requestNumber").asLong())
                .isEqualTo(number);
    }

    /** A submission as builds before revision 2 stored it: no number, no word on automatic approval. */
    private void storeSubmissionOfAnEarlierBuild(String id) {
        String payload = """
                {"requestId": "%s", "orgId": 0, "requesterId": 1001, "requestType": "EARN_BADGE", "baseType": null,
                 "referenceId": "legacy-%s", "reason": null,
                 "requestAttributes": {"body": {"customerId": 5, "badgeMetaId": "b-1"}}}""".formatted(id, id);
        jdbc.update("INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                        + "meta_data, payload, payload_revision, payload_type, time_stamp) "
                        + "VALUES (?, 0, 'Request', ?, ?, ?, '1', ?, ?)",
                id, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), RequestSubmittedEvent.class.getName(),
                Instant.now().toString());
    }
}
