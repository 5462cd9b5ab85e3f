package com.requestworkflows.command.numbering;

import com.requestworkflows.api.request.NumberRequestCommand;
import com.requestworkflows.api.request.RequestSubmittedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Numbers the requests stored before requests had numbers, once, at the first start of a build that numbers them:
 * each gets a {@code RequestNumberedEvent} (the stored submissions stay as they were). Safe with several instances
 * starting at once: a request numbered by another instance keeps that number.
 */
@Component
class LegacyRequestNumbering {

    static final String TASK = "number-requests-submitted-before-numbers";
    private static final Logger log = LoggerFactory.getLogger(LegacyRequestNumbering.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;

    LegacyRequestNumbering(JdbcTemplate jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void numberOnce() {
        if (!jdbc.queryForList("SELECT name FROM startup_task WHERE name = ?", String.class, TASK).isEmpty()) {
            return;
        }
        List<String> unnumbered = jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry "
                        + "WHERE payload_type = ? AND sequence_number = 0 "
                        + "AND (payload_revision IS NULL OR payload_revision = '1') "
                        + "AND aggregate_identifier NOT IN (SELECT request_id FROM request_number)",
                String.class, RequestSubmittedEvent.class.getName());
        if (!unnumbered.isEmpty()) {
            log.info("Numbering {} requests stored before requests had numbers", unnumbered.size());
        }
        for (String requestId : unnumbered) {
            try {
                commands.sendAndWait(new NumberRequestCommand(requestId));
            } catch (ConcurrencyException numberedElsewhere) {
                log.debug("Request {} was numbered by another instance", requestId);
            }
        }
        try {
            jdbc.update("INSERT INTO startup_task (name, done_at) VALUES (?, ?)", TASK, Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException doneElsewhere) {
            log.debug("Another instance numbered the requests at the same time");
        }
    }
}
