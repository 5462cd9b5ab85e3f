package com.requestworkflows.embedded;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Keeps the embedded event store's file near the size of its data. With {@code WRITE_DELAY=0} (each commit in the
 * file before it is answered) H2 runs no housekeeping of its own, so chunks of the file that are mostly dead are
 * never rewritten: under steady submits the file grew by about 24 KB per event and was 90% dead. Once a second this
 * rewrites the emptiest chunks, a few megabytes at most, as H2's own background writer would; their space is then
 * reused. Only for H2: a server database keeps its own files.
 */
@Component
class EventStoreFileCompaction {

    /** Chunks are rewritten while the file's live share is below this (percent). */
    private static final int TARGET_FILL_RATE = 80;
    private static final int MAX_BYTES_PER_ROUND = 4 << 20;
    private static final Logger log = LoggerFactory.getLogger(EventStoreFileCompaction.class);

    private final DataSource dataSource;
    private Optional<MVStore> store;

    EventStoreFileCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    void compact() {
        if (store == null) {
            try {
                store = embeddedStore();
            } catch (SQLException e) { // asked again next round
                log.warn("Could not reach the event store to compact its file: {}", e.getMessage());
                return;
            }
        }
        store.filter(mvStore -> !mvStore.isClosed() && mvStore.compact(TARGET_FILL_RATE, MAX_BYTES_PER_ROUND))
                .ifPresent(MVStore::commit);
    }

    /** The file store under an embedded H2 database, reached through H2's own (internal) classes. */
    private Optional<MVStore> embeddedStore() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isWrapperFor(JdbcConnection.class)
                    && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                    && session.getDatabase().getStore() != null) {
                return Optional.of(session.getDatabase().getStore().getMvStore());
            }
            return Optional.empty();
        }
    }
}
