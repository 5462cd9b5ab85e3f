package com.requestworkflows.command.autoapproval;

import com.requestworkflows.api.autoapproval.AutoApprovalRule;

import java.util.Set;

/** The auto-approval rules an org has switched on, as seen by the transaction that asks. */
public interface AutoApprovalRules {

    Set<AutoApprovalRule> enabledRules(long orgId);
}
