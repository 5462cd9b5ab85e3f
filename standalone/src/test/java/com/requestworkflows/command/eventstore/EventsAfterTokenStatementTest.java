package com.requestworkflows.command.eventstore;

import com.requestworkflows.support.PostgresServer;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor whose token has gaps must get exactly the events of the next batch and those of the gaps that have
 * committed since, in order, from either database.
 */
class EventsAfterTokenStatementTest {

    /** Events 1..12 exist except 5 (still open, say) and 11; the token is at 6 with gaps 3 and 5. */
    private static final List<Long> STORED = List.of(1L, 2L, 3L, 4L, 6L, 7L, 8L, 9L, 10L, 12L);

    @TempDir
    Path directory;

    @Test
    void readsTheNextBatchAndTheGapsInOrderFromH2() throws SQLException {
        String url = "jdbc:h2:file:" + directory.resolve("events");
        migrate(url, "sa", "", "h2");
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertThat(indexesRead(connection)).containsExactly(3L, 7L, 8L, 9L, 10L);
        }
    }

    @Test
    @ExtendWith(PostgresServer.class)
    void readsTheNextBatchAndTheGapsInOrderFromPostgres() throws SQLException {
        String schema = PostgresServer.newSchema();
        try {
            String url = PostgresServer.urlFor(schema);
            migrate(url, PostgresServer.USER, PostgresServer.PASSWORD, "postgresql", schema);
            try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER,
                    PostgresServer.PASSWORD)) {
                assertThat(indexesRead(connection)).containsExactly(3L, 7L, 8L, 9L, 10L);
            }
        } finally {
            PostgresServer.dropSchema(schema);
        }
    }

    private static void migrate(String url, String user, String password, String vendor, String... schemas) {
        Flyway.configure().dataSource(url, user, password).schemas(schemas)
                .locations("classpath:db/migration/" + vendor).load().migrate();
    }

    private static List<Long> indexesRead(Connection connection) throws SQLException {
        EventSchema schema = new EventStoreConfiguration().eventSchema();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (global_index, "
                + "aggregate_identifier, sequence_number, event_identifier, payload, payload_type, time_stamp) "
                + "VALUES (?, 'request', ?, ?, ?, 'Submitted', '2026-01-01T00:00:00Z')")) {
            for (long index : STORED) {
                insert.setLong(1, index);
                insert.setLong(2, index);
                insert.setString(3, "event-" + index);
                insert.setBytes(4, new byte[]{1});
                insert.executeUpdate();
            }
        }
        List<Long> read = new ArrayList<>();
        try (PreparedStatement statement = EventsAfterTokenStatement.readEventDataWithGaps(connection, schema, 6, 4,
                List.of(3L, 5L));
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                read.add(rows.getLong(schema.globalIndexColumn()));
            }
        }
        return read;
    }
}
