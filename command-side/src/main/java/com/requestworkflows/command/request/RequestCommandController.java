package com.requestworkflows.command.request;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.identity.Caller;
import com.requestworkflows.api.request.BaseType;
import com.requestworkflows.api.request.CancelRequestCommand;
import com.requestworkflows.api.request.RequestAttributes;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.api.request.RetryExecutionCommand;
import com.requestworkflows.api.request.SubmitRequestCommand;
import com.requestworkflows.command.request.RequestCommands.Decision;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Map;
import java.util.UUID;

/**
 * Submitting and deciding requests. Who acts is always the authenticated caller; each answer is the request as
 * the command left it, so a client never has to wait for the views to catch up.
 */
@RestController
@RequestMapping("/api/v1/requests")
public class RequestCommandController {

    static final int MAX_REFERENCE_ID_LENGTH = 255;
    static final int MAX_TEXT_LENGTH = 2000;

    private final RequestCommands commands;

    public RequestCommandController(RequestCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    public ResponseEntity<RequestView> submit(@RequestBody SubmitRequestBody body,
                                              @RequestParam(name = "client_auto_approve", required = false)
                                              Boolean clientAutoApproveParam,
                                              @AuthenticationPrincipal Caller caller) {
        RequestType type = RequestType.parse("requestType", body.requestType());
        BaseType baseType = type.parseBaseType("baseType", body.baseType());
        String referenceId = optionalText("referenceId", body.referenceId(), MAX_REFERENCE_ID_LENGTH);
        RequestView created = commands.submit(new SubmitRequestCommand(UUID.randomUUID().toString(), caller.orgId(),
                caller.userId(), type, baseType, referenceId, optionalText("reason", body.reason(), MAX_TEXT_LENGTH),
                body.requestAttributes(), clientsWord(body.clientAutoApprove(), clientAutoApproveParam)));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .path("/{requestId}").buildAndExpand(created.requestId()).toUri())
                .body(created);
    }

    @PostMapping("/{requestId}/approve")
    public RequestView approve(@PathVariable String requestId, @RequestBody(required = false) DecisionBody body,
                               @AuthenticationPrincipal Caller caller) {
        return commands.decide(caller, requestId, Decision.APPROVE, DecisionBody.commentOf(body),
                body == null ? null : body.adjustment());
    }

    @PostMapping("/{requestId}/reject")
    public RequestView reject(@PathVariable String requestId, @RequestBody(required = false) DecisionBody body,
                              @AuthenticationPrincipal Caller caller) {
        return commands.decide(caller, requestId, Decision.REJECT, DecisionBody.commentOf(body),
                body == null ? null : body.adjustment());
    }

    @PostMapping("/{requestId}/cancel")
    public RequestView cancel(@PathVariable String requestId, @RequestBody(required = false) DecisionBody body,
                              @AuthenticationPrincipal Caller caller) {
        return commands.send(new CancelRequestCommand(RequestCommands.requestIdOf(requestId), caller.orgId(),
                caller.userId(), DecisionBody.commentOf(body)));
    }

    /** An admin executes a failed request again; its history keeps every earlier attempt. */
    @PostMapping("/{requestId}/retry")
    public RequestView retry(@PathVariable String requestId, @AuthenticationPrincipal Caller caller) {
        return commands.send(new RetryExecutionCommand(RequestCommands.requestIdOf(requestId), caller.orgId(),
                caller.userId()));
    }

    /**
     * The submitter's word on automatic approval, in the body or as the reference's query parameter: true if it
     * said true anywhere, false (keep it for a checker) if it said false, null if it said nothing.
     */
    static Boolean clientsWord(Boolean inBody, Boolean inQuery) {
        if (Boolean.TRUE.equals(inBody) || Boolean.TRUE.equals(inQuery)) {
            return true;
        }
        return Boolean.FALSE.equals(inBody) || Boolean.FALSE.equals(inQuery) ? false : null;
    }

    static String optionalText(String field, String value, int maxLength) {
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

    /** @param adjustment with an approval: the value the checker changes, e.g. {@code {"points": 50}} */
    public record DecisionBody(String comment, Map<String, Object> adjustment) {

        static String commentOf(DecisionBody body) {
            return body == null ? null : comment(body.comment());
        }

        static String comment(String comment) {
            return comment == null || comment.isBlank() ? null : optionalText("comment", comment, MAX_TEXT_LENGTH);
        }
    }
}
