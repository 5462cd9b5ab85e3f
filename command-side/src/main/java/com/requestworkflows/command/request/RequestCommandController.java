package com.requestworkflows.command.request;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.requestworkflows.api.error.DuplicateReferenceIdException;
import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.error.RequestNotFoundException;
import com.requestworkflows.api.identity.Caller;
import com.requestworkflows.api.request.ApproveRequestCommand;
import com.requestworkflows.api.request.BaseType;
import com.requestworkflows.api.request.CancelRequestCommand;
import com.requestworkflows.api.request.RejectRequestCommand;
import com.requestworkflows.api.request.RequestAttributes;
import com.requestworkflows.api.request.RequestIds;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.api.request.RetryExecutionCommand;
import com.requestworkflows.api.request.SubmitRequestCommand;
import com.requestworkflows.api.request.WorkflowMetaData;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.UUID;

/**
 * Submitting and deciding requests. Who acts is always the authenticated caller; each answer is the request as
 * the command left it, so a client never has to wait for the views to catch up.
 */
@RestController
@RequestMapping("/api/v1/requests")
public class RequestCommandController {

    private static final int MAX_REFERENCE_ID_LENGTH = 255;
    private static final int MAX_TEXT_LENGTH = 2000;

    private final CommandGateway commands;
    private final ReferenceIdRegistry referenceIds;

    public RequestCommandController(CommandGateway commands, ReferenceIdRegistry referenceIds) {
        this.commands = commands;
        this.referenceIds = referenceIds;
    }

    @PostMapping
    public ResponseEntity<RequestView> submit(@RequestBody SubmitRequestBody body,
                                              @RequestParam(name = "client_auto_approve", required = false)
                                              Boolean clientAutoApproveParam,
                                              @AuthenticationPrincipal Caller caller) {
        RequestType type = RequestType.parse("requestType", body.requestType());
        BaseType baseType = type.parseBaseType("baseType", body.baseType());
        String referenceId = optionalText("referenceId", body.referenceId(), MAX_REFERENCE_ID_LENGTH);
        boolean clientAutoApprove = Boolean.TRUE.equals(body.clientAutoApprove())
                || Boolean.TRUE.equals(clientAutoApproveParam);
        SubmitRequestCommand command = new SubmitRequestCommand(UUID.randomUUID().toString(), caller.orgId(),
                caller.userId(), type, baseType, referenceId, optionalText("reason", body.reason(), MAX_TEXT_LENGTH),
                body.requestAttributes(), clientAutoApprove);
        RequestView created;
        try {
            created = send(command);
        } catch (DuplicateReferenceIdException duplicate) {
            throw new DuplicateReferenceIdException(duplicate.orgId(), duplicate.referenceId(),
                    referenceIds.holderOf(duplicate.orgId(), duplicate.referenceId()).orElse("unknown"));
        }
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .path("/{requestId}").buildAndExpand(created.requestId()).toUri())
                .body(created);
    }

    @PostMapping("/{requestId}/approve")
    public RequestView approve(@PathVariable String requestId, @RequestBody(required = false) DecisionBody body,
                               @AuthenticationPrincipal Caller caller) {
        return send(new ApproveRequestCommand(requestIdOf(requestId), caller.orgId(), caller.userId(),
                DecisionBody.commentOf(body), caller.decidableTypes()));
    }

    @PostMapping("/{requestId}/reject")
    public RequestView reject(@PathVariable String requestId, @RequestBody(required = false) DecisionBody body,
                              @AuthenticationPrincipal Caller caller) {
        return send(new RejectRequestCommand(requestIdOf(requestId), caller.orgId(), caller.userId(),
                DecisionBody.commentOf(body), caller.decidableTypes()));
    }

    @PostMapping("/{requestId}/cancel")
    public RequestView cancel(@PathVariable String requestId, @RequestBody(required = false) DecisionBody body,
                              @AuthenticationPrincipal Caller caller) {
        return send(new CancelRequestCommand(requestIdOf(requestId), caller.orgId(), caller.userId(), DecisionBody.commentOf(body)));
    }

    /** An admin executes a failed request again; its history keeps every earlier attempt. */
    @PostMapping("/{requestId}/retry")
    public RequestView retry(@PathVariable String requestId, @AuthenticationPrincipal Caller caller) {
        return send(new RetryExecutionCommand(requestIdOf(requestId), caller.orgId(), caller.userId()));
    }

    /** Tags the command with a fresh API call id (32 hex digits, as in the reference); its events inherit it. */
    private RequestView send(Object command) {
        String apiRequestId = UUID.randomUUID().toString().replace("-", "");
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with(WorkflowMetaData.API_REQUEST_ID, apiRequestId)));
    }

    /**
     * Request ids are UUIDs; anything else is unknown. Checking the form first also keeps commands away from the
     * other aggregates in the store (such as an org's auto-approval policy).
     */
    private static String requestIdOf(String requestId) {
        if (!RequestIds.isRequestId(requestId)) {
            throw new RequestNotFoundException(requestId);
        }
        return requestId;
    }

    private static String optionalText(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new InvalidRequestException(field, "must not be blank when given");
        }
        if (value.length() > maxLength) {
            throw new InvalidRequestException(field, "must be at most " + maxLength + " characters");
        }
        return value;
    }

    public record SubmitRequestBody(String requestType,
                                    String baseType,
                                    String referenceId,
                                    String reason,
                                    RequestAttributes requestAttributes,
                                    @JsonAlias("client_auto_approve") Boolean clientAutoApprove) {
    }

    public record DecisionBody(String comment) {

        static String commentOf(DecisionBody body) {
            return body == null || body.comment() == null || body.comment().isBlank() ? null
                    : optionalText("comment", body.comment(), MAX_TEXT_LENGTH);
        }
    }
}
