package com.requestworkflows.command.autoapproval;

import com.requestworkflows.api.autoapproval.AutoApprovalRule;
import com.requestworkflows.api.autoapproval.ChangeAutoApprovalRuleCommand;
import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.identity.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Admins read and switch their org's auto-approval rules; each switch is an event. */
@RestController
@RequestMapping("/api/v1/auto-approval-rules")
public class AutoApprovalController {

    private final CommandGateway commands;
    private final AutoApprovalRuleTable rules;

    public AutoApprovalController(CommandGateway commands, AutoApprovalRuleTable rules) {
        this.commands = commands;
        this.rules = rules;
    }

    @GetMapping
    public List<AutoApprovalRuleStatus> list(@AuthenticationPrincipal Caller caller) {
        return rules.statuses(caller.orgId());
    }

    @PutMapping("/{rule}")
    public AutoApprovalRuleStatus change(@PathVariable String rule, @RequestBody RuleSetting setting,
                                         @AuthenticationPrincipal Caller caller) {
        if (setting.enabled() == null) {
            throw new InvalidRequestException("enabled", "is required (true or false)");
        }
        AutoApprovalRule parsed = AutoApprovalRule.parse("rule", rule);
        commands.sendAndWait(ChangeAutoApprovalRuleCommand.of(caller.orgId(), parsed, setting.enabled(),
                caller.userId()));
        return rules.statuses(caller.orgId()).stream().filter(status -> status.rule() == parsed).findFirst()
                .orElseThrow();
    }

    public record RuleSetting(Boolean enabled) {
    }
}
