package com.requestworkflows.flow;

import com.requestworkflows.support.PostgresServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.SQLException;

/**
 * The same lifecycle as a production deployment runs it: events in PostgreSQL (a schema of its own, dropped
 * afterwards) and views in a MongoDB server of its own, reached through {@code spring.data.mongodb.uri}, so the
 * embedded stores are not used.
 */
@ExtendWith(PostgresServer.class)
class PostgresFlowTest extends RequestLifecycleFlowTests {

    private static final String SCHEMA = PostgresServer.newSchema();
    private static MongoServer mongo;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresServer.urlFor(SCHEMA));
        registry.add("spring.datasource.username", () -> PostgresServer.USER);
        registry.add("spring.datasource.password", () -> PostgresServer.PASSWORD);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("spring.data.mongodb.uri", () -> mongoServer().getConnectionString() + "/requests");
    }

    private static synchronized MongoServer mongoServer() {
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
        }
        return mongo;
    }

    @AfterAll
    static void cleanUp() throws SQLException {
        PostgresServer.dropSchema(SCHEMA);
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }
}
