package com.requestworkflows.command.autoapproval;

import com.requestworkflows.api.autoapproval.AutoApprovalRule;
import com.requestworkflows.api.autoapproval.AutoApprovalRuleChangedEvent;
import com.requestworkflows.command.eventstore.TransactionalTablesConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The current rules per org, kept by a subscribing processor in the same transaction as the policy's events (see
 * {@link TransactionalTablesConfiguration}), so a submit always sees every rule change that has committed.
 */
@Component
@ProcessingGroup(AutoApprovalRuleTable.PROCESSING_GROUP)
public class AutoApprovalRuleTable implements AutoApprovalRules {

    public static final String PROCESSING_GROUP = "auto-approval-rules";

    private final JdbcTemplate jdbc;

    public AutoApprovalRuleTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AutoApprovalRuleChangedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("DELETE FROM auto_approval_rule WHERE org_id = ? AND rule_name = ?",
                event.orgId(), event.rule().name());
        jdbc.update("INSERT INTO auto_approval_rule (org_id, rule_name, enabled, changed_by, changed_at) "
                        + "VALUES (?, ?, ?, ?, ?)",
                event.orgId(), event.rule().name(), event.enabled(), event.changedBy(), Timestamp.from(at));
    }

    @Override
    public Set<AutoApprovalRule> enabledRules(long orgId) {
        List<AutoApprovalRule> rules = jdbc.query(
                "SELECT rule_name FROM auto_approval_rule WHERE org_id = ? AND enabled = TRUE",
                (row, index) -> AutoApprovalRule.valueOf(row.getString(1)), orgId);
        return rules.isEmpty() ? Set.of() : EnumSet.copyOf(rules);
    }

    /** Every rule of the org with its current setting and who set it last (rules never set are off). */
    public List<AutoApprovalRuleStatus> statuses(long orgId) {
        List<AutoApprovalRuleStatus> set = jdbc.query(
                "SELECT rule_name, enabled, changed_by, changed_at FROM auto_approval_rule WHERE org_id = ?",
                (row, index) -> new AutoApprovalRuleStatus(AutoApprovalRule.valueOf(row.getString(1)),
                        row.getBoolean(2), row.getLong(3), row.getTimestamp(4).toInstant()),
                orgId);
        return EnumSet.allOf(AutoApprovalRule.class).stream()
                .map(rule -> set.stream().filter(status -> status.rule() == rule).findFirst()
                        .orElse(AutoApprovalRuleStatus.neverSet(rule)))
                .toList();
    }
}
