package com.requestworkflows.command.autoapproval;

import com.requestworkflows.api.autoapproval.AutoApprovalRuleChangedEvent;
import com.requestworkflows.api.autoapproval.ChangeAutoApprovalRuleCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The auto-approval rules of one org. Every change an admin makes is recorded, even one that repeats the current
 * setting, so the audit shows each admin action.
 */
@Aggregate
public class AutoApprovalPolicy {

    @AggregateIdentifier
    private String policyId;

    protected AutoApprovalPolicy() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ChangeAutoApprovalRuleCommand command) {
        apply(new AutoApprovalRuleChangedEvent(command.policyId(), command.orgId(), command.rule(), command.enabled(),
                command.changedBy()));
    }

    @EventSourcingHandler
    void on(AutoApprovalRuleChangedEvent event) {
        policyId = event.policyId();
    }
}
