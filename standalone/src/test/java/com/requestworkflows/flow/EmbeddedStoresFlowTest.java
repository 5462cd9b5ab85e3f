package com.requestworkflows.flow;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The lifecycle on the embedded default: an H2 file event store and the embedded MongoDB-compatible server. */
class EmbeddedStoresFlowTest extends RequestLifecycleFlowTests {

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("requests.data-dir", () -> dataDirectory.toString());
    }

    /**
     * While submits commit out of order, processors' tokens have gaps. H2 answers Axon's own statement for the
     * events after such a token by reading the whole event table; the service's event store must ask with the
     * statement that reads by primary key instead (H2's statistics show which one ran).
     */
    @Test
    void readsTheEventsAfterAGappedTokenByPrimaryKey(@Autowired EventStorageEngine eventStore,
                                                     @Autowired JdbcTemplate jdbc) {
        jdbc.execute("SET QUERY_STATISTICS TRUE");
        try (Stream<? extends TrackedEventMessage<?>> events =
                     eventStore.readEvents(GapAwareTrackingToken.newInstance(2, List.of(1L)), false)) {
            events.findFirst();
        }
        List<String> statements = jdbc.queryForList(
                "SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS", String.class);
        jdbc.execute("SET QUERY_STATISTICS FALSE");

        assertThat(statements).map(sql -> sql.toUpperCase(Locale.ROOT))
                .anyMatch(sql -> sql.contains("DOMAIN_EVENT_ENTRY") && sql.contains("UNION ALL"));
    }
}
