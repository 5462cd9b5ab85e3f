package com.requestworkflows.api.autoapproval;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin switches one auto-approval rule of an org on or off. */
public record ChangeAutoApprovalRuleCommand(@TargetAggregateIdentifier String policyId,
                                            long orgId,
                                            AutoApprovalRule rule,
                                            boolean enabled,
                                            long changedBy) {

    public static ChangeAutoApprovalRuleCommand of(long orgId, AutoApprovalRule rule, boolean enabled, long changedBy) {
        return new ChangeAutoApprovalRuleCommand(policyId(orgId), orgId, rule, enabled, changedBy);
    }

    /** One policy aggregate per org. */
    public static String policyId(long orgId) {
        return "auto-approval-policy-" + orgId;
    }
}
