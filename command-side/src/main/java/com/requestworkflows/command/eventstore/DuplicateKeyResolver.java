package com.requestworkflows.command.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon when an append failed on a unique key (a sequence clash between concurrent decisions), so that it
 * raises a concurrency failure rather than a generic storage error. The JDBC drivers of both H2 and PostgreSQL
 * report batched inserts' violations in {@link SQLException#getNextException()}, which Axon's own resolver does
 * not follow.
 */
public class DuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_DEPTH = 32;

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        int depth = 0;
        for (Throwable cause = exception; cause != null && depth < MAX_DEPTH; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        int depth = 0;
        for (SQLException next = exception; next != null && depth < MAX_DEPTH; next = next.getNextException(), depth++) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
