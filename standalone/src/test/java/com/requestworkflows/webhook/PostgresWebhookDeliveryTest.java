package com.requestworkflows.webhook;

import com.requestworkflows.support.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.SQLException;

/**
 * The same deliveries with the event store, the token store and the outbox in PostgreSQL (a schema of its own,
 * dropped afterwards), where a failed statement would abort the whole transaction.
 */
@ExtendWith(PostgresServer.class)
class PostgresWebhookDeliveryTest extends WebhookDeliveryTest {

    private static final String SCHEMA = PostgresServer.newSchema();

    @DynamicPropertySource
    static void eventStore(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresServer.urlFor(SCHEMA));
        registry.add("spring.datasource.username", () -> PostgresServer.USER);
        registry.add("spring.datasource.password", () -> PostgresServer.PASSWORD);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        PostgresServer.dropSchema(SCHEMA);
    }
}
