package com.requestworkflows.flow;

import com.requestworkflows.support.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.sql.SQLException;

/** The same lifecycle with the events in PostgreSQL (a schema of its own, dropped afterwards). */
@ExtendWith(PostgresServer.class)
class PostgresFlowTest extends RequestLifecycleFlowTests {

    private static final String SCHEMA = PostgresServer.newSchema();

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresServer.urlFor(SCHEMA));
        registry.add("spring.datasource.username", () -> PostgresServer.USER);
        registry.add("spring.datasource.password", () -> PostgresServer.PASSWORD);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("requests.data-dir", () -> dataDirectory.toString());
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        PostgresServer.dropSchema(SCHEMA);
    }
}
