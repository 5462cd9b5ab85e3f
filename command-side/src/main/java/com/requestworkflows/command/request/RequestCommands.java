package com.requestworkflows.command.request;

import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.error.RequestNotFoundException;
import com.requestworkflows.api.error.RequestWorkflowException;
import com.requestworkflows.api.identity.Caller;
import com.requestworkflows.api.request.ApproveRequestCommand;
import com.requestworkflows.api.request.RejectRequestCommand;
import com.requestworkflows.api.request.RequestIds;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.api.request.SubmitRequestCommand;
import com.requestworkflows.api.request.WorkflowMetaData;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Sends the requests' commands for every API generation alike: each tagged with a fresh API call id (32 hex digits,
 * as in the reference), which the events it causes inherit; a submission's refusals name what stands in its way.
 */
@Component
public class RequestCommands {

    /** What a checker does with a pending request. */
    public enum Decision {
        APPROVE, REJECT;

        /** {@code approve}/{@code approved} or {@code reject}/{@code rejected}, in any case. */
        public static Decision parse(String field, String value) {
            String normalized = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
            if (normalized.startsWith("APPROVE")) {
                return APPROVE;
            }
            if (normalized.startsWith("REJECT")) {
                return REJECT;
            }
            throw new InvalidRequestException(field, "must be approve or reject");
        }
    }

    private final CommandGateway commands;
    private final SubmissionClaims claims;

    public RequestCommands(CommandGateway commands, SubmissionClaims claims) {
        this.commands = commands;
        this.claims = claims;
    }

    public RequestView submit(SubmitRequestCommand command) {
        try {
            return send(command);
        } catch (RequestWorkflowException refusal) {
            throw claims.explained(refusal, command);
        }
    }

    /** A checker's decision on the request with this id; {@code adjustment} only with an approval. */
    public RequestView decide(Caller caller, String requestId, Decision decision, String comment,
                              Map<String, Object> adjustment) {
        String id = requestIdOf(requestId);
        if (decision == Decision.REJECT && adjustment != null && !adjustment.isEmpty()) {
            throw new InvalidRequestException("adjustment", "applies to an approval only");
        }
        return send(decision == Decision.APPROVE
                ? new ApproveRequestCommand(id, caller.orgId(), caller.userId(), comment, adjustment,
                caller.decidableTypes())
                : new RejectRequestCommand(id, caller.orgId(), caller.userId(), comment, caller.decidableTypes()));
    }

    public RequestView send(Object command) {
        String apiRequestId = UUID.randomUUID().toString().replace("-", "");
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with(WorkflowMetaData.API_REQUEST_ID, apiRequestId)));
    }

    /**
     * Request ids are UUIDs; anything else is unknown. Checking the form first also keeps commands away from the
     * other aggregates in the store (such as an org's auto-approval policy).
     */
    public static String requestIdOf(String requestId) {
        if (!RequestIds.isRequestId(requestId)) {
            throw new RequestNotFoundException(requestId);
        }
        return requestId;
    }
}
