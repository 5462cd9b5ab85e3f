package com.requestworkflows.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL server the tests use when it is there (127.0.0.1:5432, database {@code test}, trust auth; override
 * with {@code REQUESTS_TEST_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD}). Tests against it are skipped when it is unreachable, except
 * under CI ({@code CI=true}), where a missing server must fail the build rather than silently skip.
 */
public final class PostgresServer implements ExecutionCondition {

    public static final String URL = env("REQUESTS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("REQUESTS_TEST_POSTGRES_USER", "postgres");
    public static final String PASSWORD = env("REQUESTS_TEST_POSTGRES_PASSWORD", "");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI always runs the PostgreSQL tests");
        }
        try (Connection ignored = connect()) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + URL);
        } catch (SQLException unreachable) {
            return ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + URL);
        }
    }

    /** A fresh schema name, so that runs never see each other's events. */
    public static String newSchema() {
        return "rw_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static String urlFor(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static void dropSchema(String schema) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
