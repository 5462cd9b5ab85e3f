package com.requestworkflows.embedded;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded event store's file must not stay mostly dead space after many small commits. */
class EventStoreFileCompactionTest {

    @TempDir
    Path directory;

    @Test
    void rewritesTheMostlyDeadPartsOfTheFile() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        // As configured, but parts of the file may be rewritten after 1 s rather than 5.
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("eventstore") + ";WRITE_DELAY=0;RETENTION_TIME=1000");
        dataSource.setUser("sa");
        EventStoreFileCompaction compaction = new EventStoreFileCompaction(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            commitManySmallChanges(connection);
            Thread.sleep(1_100);
            try (Statement statement = connection.createStatement()) { // frees the parts that are wholly dead
                statement.execute("MERGE INTO entry KEY (id) VALUES (0, 'x')");
            }
            int fillBefore = chunksFillRate(connection);

            for (int round = 0; round < 3; round++) {
                compaction.compact();
            }

            assertThat(fillBefore).isLessThan(50);
            assertThat(chunksFillRate(connection)).isGreaterThan(fillBefore * 3 / 2);
        }
    }

    /** The live share of the file's written parts (percent), as H2 reports it. */
    private static int chunksFillRate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")) {
            row.next();
            return Integer.parseInt(row.getString(1));
        }
    }

    /** Like processors' token updates between appends: each commit leaves most of the last one's pages dead. */
    private static void commitManySmallChanges(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE entry (id INT PRIMARY KEY, payload VARCHAR(2000))");
        }
        try (PreparedStatement insert = connection.prepareStatement("MERGE INTO entry KEY (id) VALUES (?, ?)")) {
            for (int i = 0; i < 4_000; i++) {
                insert.setInt(1, i % 500);
                insert.setString(2, ("change " + i + " ").repeat(60));
                insert.executeUpdate();
            }
        }
    }
}
