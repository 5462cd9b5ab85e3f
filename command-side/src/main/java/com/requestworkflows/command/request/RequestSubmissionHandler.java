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
 * Creates requests. Submission needs more than the new aggregate knows: its attributes are checked, its reference
 * id is claimed for the org and the org's auto-approval rules are consulted, all in the transaction that stores
 * its events.
 */
@Component
public class RequestSubmissionHandler {

    private final Repository<Request> repository;
    private final ReferenceIdRegistry referenceIds;
    private final AutoApprovalRules autoApprovalRules;
    private final ExecutionTargets executionTargets;

    public RequestSubmissionHandler(Repository<Request> repository, ReferenceIdRegistry referenceIds,
                                    AutoApprovalRules autoApprovalRules, ExecutionTargets executionTargets) {
        this.repository = repository;
        this.referenceIds = referenceIds;
        this.autoApprovalRules = autoApprovalRules;
        this.executionTargets = executionTargets;
    }

    @CommandHandler
    public RequestView handle(SubmitRequestCommand command) throws Exception {
        RequestAttributeRules.validate(command.requestType(), command.baseType(), command.requestAttributes());
        if (command.referenceId() != null) {
            referenceIds.claim(command.orgId(), command.referenceId(), command.requestId());
        }
        RequestSubmittedEvent submitted = new RequestSubmittedEvent(command.requestId(), command.orgId(),
                command.requesterId(), command.requestType(), command.baseType(), command.referenceId(),
                command.reason(), command.requestAttributes());
        RequestApprovedEvent autoApproval = autoApprovalOf(command);
        return repository.newInstance(() -> new Request(submitted, autoApproval)).invoke(Request::view);
    }

    /** The client's explicit wish overrides the org's rules, as in the reference. */
    private RequestApprovedEvent autoApprovalOf(SubmitRequestCommand command) {
        boolean executionRequired = executionTargets.configured(command.requestType());
        if (command.clientAutoApprove()) {
            return new RequestApprovedEvent(command.requestId(), command.orgId(), null,
                    "Approved automatically at the client's request", ApprovalType.CLIENT, null, executionRequired);
        }
        return autoApprovalRules.enabledRules(command.orgId()).stream()
                .filter(rule -> rule.covers(command.requestType(), command.baseType()))
                .map(AutoApprovalRule::name)
                .findFirst()
                .map(rule -> new RequestApprovedEvent(command.requestId(), command.orgId(), null,
                        "Approved automatically by rule " + rule, ApprovalType.CONFIG, rule, executionRequired))
                .orElse(null);
    }
}
