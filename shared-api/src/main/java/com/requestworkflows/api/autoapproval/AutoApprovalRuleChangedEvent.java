package com.requestworkflows.api.autoapproval;

public record AutoApprovalRuleChangedEvent(String policyId,
                                           long orgId,
                                           AutoApprovalRule rule,
                                           boolean enabled,
                                           long changedBy) {
}
