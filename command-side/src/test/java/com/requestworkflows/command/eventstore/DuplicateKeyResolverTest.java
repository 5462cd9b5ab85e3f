package com.requestworkflows.command.eventstore;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class DuplicateKeyResolverTest {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final DuplicateKeyResolver resolver = new DuplicateKeyResolver();

    /** How H2 and PostgreSQL report a failed batched insert: the violation is the batch's next exception. */
    private static BatchUpdateException batchFailedWith(String sqlState) {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", new int[0]);
        batch.setNextException(new SQLException("violation", sqlState));
        return batch;
    }

    @Test
    void aUniqueViolationInTheBatchsNextExceptionIsADuplicate() {
        assertThat(resolver.isDuplicateKeyViolation(batchFailedWith(UNIQUE_VIOLATION))).isTrue();
    }

    @Test
    void aUniqueViolationDeeperInTheCauseChainIsADuplicate() {
        Exception wrapped = new RuntimeException("append failed",
                new IllegalStateException("storage", batchFailedWith(UNIQUE_VIOLATION)));

        assertThat(resolver.isDuplicateKeyViolation(wrapped)).isTrue();
    }

    @Test
    void aUniqueViolationReportedDirectlyIsADuplicate() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("duplicate", UNIQUE_VIOLATION))).isTrue();
    }

    @Test
    void aUniqueViolationAfterAnotherNextExceptionIsADuplicate() {
        BatchUpdateException batch = batchFailedWith(FOREIGN_KEY_VIOLATION);
        batch.getNextException().setNextException(new SQLException("duplicate", UNIQUE_VIOLATION));

        assertThat(resolver.isDuplicateKeyViolation(batch)).isTrue();
    }

    @Test
    void anotherConstraintViolationIsNotADuplicate() {
        assertThat(resolver.isDuplicateKeyViolation(batchFailedWith(FOREIGN_KEY_VIOLATION))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(batchFailedWith(FOREIGN_KEY_VIOLATION))))
                .isFalse();
    }

    @Test
    void aPlainExceptionIsNotADuplicate() {
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("connection lost"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("no state"))).isFalse();
    }

    @Test
    void aCyclicCauseChainEndsWithoutADuplicate() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThat(resolver.isDuplicateKeyViolation(first)).isFalse());
    }
}
