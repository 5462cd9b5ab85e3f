package com.requestworkflows.command.numbering;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.util.Optional;

/** Numbers from the identity column of {@code request_number}, in the event store's database. */
@Component
public class JdbcRequestNumbers implements RequestNumbers {

    private final JdbcTemplate jdbc;

    public JdbcRequestNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long assign(long orgId, String requestId) {
        KeyHolder number = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO request_number (org_id, request_id) VALUES (?, ?)", new String[]{"request_number"});
            insert.setLong(1, orgId);
            insert.setString(2, requestId);
            return insert;
        }, number);
        return number.getKeyAs(Number.class).longValue();
    }

    @Override
    public Optional<String> requestIdOf(long orgId, long requestNumber) {
        return jdbc.query("SELECT request_id FROM request_number WHERE request_number = ? AND org_id = ?",
                (row, index) -> row.getString(1), requestNumber, orgId).stream().findFirst();
    }

    @Override
    public Optional<Long> numberOf(String requestId) {
        return jdbc.query("SELECT request_number FROM request_number WHERE request_id = ?",
                (row, index) -> row.getLong(1), requestId).stream().findFirst();
    }
}
