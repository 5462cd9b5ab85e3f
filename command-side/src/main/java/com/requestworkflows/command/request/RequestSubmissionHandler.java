package com.requestworkflows.command.request;

import com.requestworkflows.api.autoapproval.AutoApprovalRule;
import com.requestworkflows.api.request.ApprovalType;
import com.requestworkflows.api.request.RequestApprovedEvent;
import com.requestworkflows.api.request.RequestSubmittedEvent;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.api.request.SubmitRequestCommand;
import com.requestworkflows.command.autoapproval.AutoApprovalRules;
import com.requestworkflows.command.execution.ExecutionTargets;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Creates requests. Submission needs more than the new aggregate knows: its attributes are checked, what it
 * claims (reference id, duplicate-pending keys, number) is taken and the org's auto-approval rules are consulted,
 * all in the transaction that stores its events.
 */
@Component
public class RequestSubmissionHandler {

    private final Repository<Request> repository;
    private final SubmissionClaims claims;
    private final AutoApprovalRules autoApprovalRules;
    private final ExecutionTargets executionTargets;

    public RequestSubmissionHandler(Repository<Request> repository, SubmissionClaims claims,
                                    AutoApprovalRules autoApprovalRules, ExecutionTargets executionTargets) {
        this.repository = repository;
        this.claims = claims;
        this.autoApprovalRules = autoApprovalRules;
        this.executionTargets = executionTargets;
    }

    @CommandHandler
    public RequestView handle(SubmitRequestCommand command) throws Exception {
        RequestAttributeRules.validate(command.requestType(), command.baseType(), command.requestAttributes());
        long number = claims.claim(command);
        RequestSubmittedEvent submitted = new RequestSubmittedEvent(command.requestId(), command.orgId(),
                command.requesterId(), command.requestType(), command.baseType(), command.referenceId(),
                command.reason(), command.requestAttributes(), number, command.clientAutoApprove());
        RequestApprovedEvent autoApproval = autoApprovalOf(command);
        return repository.newInstance(() -> new Request(submitted, autoApproval)).invoke(Request::view);
    }

    /** The client's explicit word, either way, overrides the org's rules, as in the reference. */
    private RequestApprovedEvent autoApprovalOf(SubmitRequestCommand command) {
        boolean executionRequired = executionTargets.configured(command.requestType());
        if (command.clientAutoApprove() != null) {
            return command.clientAutoApprove() ? RequestApprovedEvent.automatically(command.requestId(),
                    command.orgId(), ApprovalType.CLIENT, null, "Approved automatically at the client's request",
                    executionRequired) : null;
        }
        return autoApprovalRules.enabledRules(command.orgId()).stream()
                .filter(rule -> rule.covers(command.requestType(), command.baseType()))
                .map(AutoApprovalRule::name)
                .findFirst()
                .map(rule -> RequestApprovedEvent.automatically(command.requestId(), command.orgId(),
                        ApprovalType.CONFIG, rule, "Approved automatically by rule " + rule, executionRequired))
                .orElse(null);
    }
}
