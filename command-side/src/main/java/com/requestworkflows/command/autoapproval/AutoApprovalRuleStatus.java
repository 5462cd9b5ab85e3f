package com.requestworkflows.command.autoapproval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.requestworkflows.api.autoapproval.AutoApprovalRule;
import com.requestworkflows.api.request.BaseType;
import com.requestworkflows.api.request.RequestType;

import java.time.Instant;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record AutoApprovalRuleStatus(AutoApprovalRule rule,
                                     RequestType requestType,
                                     BaseType baseType,
                                     boolean enabled,
                                     Long changedBy,
                                     Instant changedAt) {

    AutoApprovalRuleStatus(AutoApprovalRule rule, boolean enabled, Long changedBy, Instant changedAt) {
        this(rule, rule.requestType(), rule.baseType(), enabled, changedBy, changedAt);
    }

    static AutoApprovalRuleStatus neverSet(AutoApprovalRule rule) {
        return new AutoApprovalRuleStatus(rule, false, null, null);
    }
}
