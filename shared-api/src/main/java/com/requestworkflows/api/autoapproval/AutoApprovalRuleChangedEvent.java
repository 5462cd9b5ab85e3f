package com.requestworkflows.api.autoapproval;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AutoApprovalRuleChangedEvent(String policyId,
                                           long orgId,
                                           AutoApprovalRule rule,
                                           boolean enabled,
                                           long changedBy) {
}
