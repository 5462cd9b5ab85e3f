package com.requestworkflows.command.membercare;

import com.fasterxml.jackson.databind.JsonNode;
import com.requestworkflows.api.error.DuplicatePendingRequestException;
import com.requestworkflows.api.error.DuplicateReferenceIdException;
import com.requestworkflows.api.error.ErrorCodes;
import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.error.RequestNotFoundException;
import com.requestworkflows.api.error.RequestWorkflowException;
import com.requestworkflows.api.identity.Caller;
import com.requestworkflows.api.membercare.ItemStatus;
import com.requestworkflows.api.membercare.MemberCareItem;
import com.requestworkflows.api.membercare.MemberCareResponse;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.command.numbering.RequestNumbers;
import com.requestworkflows.command.request.CommandRefusals;
import com.requestworkflows.command.request.RequestCommands.Decision;
import com.requestworkflows.command.request.RequestCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.requestworkflows.command.membercare.MemberCareBatch.text;

/**
 * The member-care API's (v1.1) calls that change requests, on the same requests, rules and events as the JSON API:
 * {@code request/add}, {@code request/approve} and {@code request/reject}. Each item of a batch is stored or refused
 * on its own and answered in input order with its own {@code item_status}; the answer is 200 when any item went
 * through, 400 when none did.
 */
@RestController
@RequestMapping("/v1.1/request")
public class MemberCareCommandController {

    private static final Logger log = LoggerFactory.getLogger(MemberCareCommandController.class);
    private static final List<String> ADJUSTABLE = List.of("points", "series_id", "new_value");

    private final RequestCommands commands;
    private final RequestNumbers numbers;
    private final Clock clock = Clock.systemUTC();

    public MemberCareCommandController(RequestCommands commands, RequestNumbers numbers) {
        this.commands = commands;
        this.numbers = numbers;
    }

    @PostMapping("/add")
    public ResponseEntity<MemberCareResponse> add(@RequestBody JsonNode body,
                                                  @RequestParam Map<String, String> query,
                                                  @RequestParam(name = "client_auto_approve", required = false)
                                                  Boolean clientAutoApprove,
                                                  @AuthenticationPrincipal Caller caller) {
        Map<String, Object> queryParams = new LinkedHashMap<>(query);
        return answer(MemberCareBatch.items(body), item -> {
            try {
                RequestView created = commands.submit(MemberCareSubmission.commandOf(item, queryParams,
                        clientAutoApprove, caller, clock));
                return MemberCareItem.of(created, ItemStatus.SUCCESS);
            } catch (RuntimeException failure) {
                return refused(failure, null, text(item, "reference_id"), item);
            }
        });
    }

    @PostMapping("/approve")
    public ResponseEntity<MemberCareResponse> approve(@RequestBody JsonNode body,
                                                      @AuthenticationPrincipal Caller caller) {
        return answer(MemberCareBatch.items(body), item -> decide(item, Decision.APPROVE, caller));
    }

    @PostMapping("/reject")
    public ResponseEntity<MemberCareResponse> reject(@RequestBody JsonNode body,
                                                     @AuthenticationPrincipal Caller caller) {
        return answer(MemberCareBatch.items(body), item -> decide(item, Decision.REJECT, caller));
    }

    private MemberCareItem decide(JsonNode item, Decision decision, Caller caller) {
        Long number = null;
        try {
            number = numberOf(item);
            if (text(item, "type") != null) {
                RequestType type = MemberCareSubmission.typeOf(item);
                type.parseBaseType("base_type", text(item, "base_type"));
            }
            long id = number;
            String requestId = numbers.requestIdOf(caller.orgId(), id)
                    .orElseThrow(() -> new RequestNotFoundException(String.valueOf(id)));
            RequestView decided = commands.decide(caller, requestId, decision,
                    commentOf(text(item, "updated_comments")), decision == Decision.APPROVE ? adjustmentOf(item) : null);
            return MemberCareItem.of(decided, ItemStatus.SUCCESS);
        } catch (RuntimeException failure) {
            return refused(failure, number, null, item);
        }
    }

    private static Long numberOf(JsonNode item) {
        String id = item.isObject() ? text(item, "id") : null;
        try {
            return Long.valueOf(id == null ? "" : id.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequestException("id", "is required: the request's numeric id");
        }
    }

    private static String commentOf(String comment) {
        if (comment != null && comment.length() > 2000) {
            throw new InvalidRequestException("updated_comments", "must be at most 2000 characters");
        }
        return comment == null || comment.isBlank() ? null : comment;
    }

    /** The value a checker changes as they approve: whichever of points, series_id or new_value the item gives. */
    private static Map<String, Object> adjustmentOf(JsonNode item) {
        Map<String, Object> adjustment = new LinkedHashMap<>();
        for (String field : ADJUSTABLE) {
            JsonNode value = item.get(field);
            if (value != null && !value.isNull()) {
                adjustment.put(field, value.isNumber() ? value.numberValue() : value.asText());
            }
        }
        return adjustment.isEmpty() ? null : adjustment;
    }

    private static MemberCareItem refused(RuntimeException failure, Long id, String referenceId, JsonNode item) {
        String type = item.isObject() ? item.path("type").asText(null) : null;
        String baseType = item.isObject() ? item.path("base_type").asText(null) : null;
        RequestWorkflowException refusal = CommandRefusals.refusalOf(failure, String.valueOf(id)).orElse(null);
        if (refusal == null) {
            log.error("A member-care item failed unexpectedly", failure);
            return MemberCareItem.refused(id, referenceId, type, baseType, new ItemStatus(false,
                    ErrorCodes.INTERNAL_ERROR, "The request could not be stored; retry later", null));
        }
        return MemberCareItem.refused(id, referenceId, type, baseType,
                ItemStatus.refused(refusal, existingIdOf(refusal)));
    }

    private static Long existingIdOf(RequestWorkflowException refusal) {
        if (refusal instanceof DuplicateReferenceIdException duplicate) {
            return duplicate.existingRequestNumber();
        }
        return refusal instanceof DuplicatePendingRequestException pending ? pending.pendingRequestNumber() : null;
    }

    private static ResponseEntity<MemberCareResponse> answer(List<JsonNode> items,
                                                             Function<JsonNode, MemberCareItem> eachItem) {
        List<MemberCareItem> answered = new ArrayList<>();
        items.forEach(item -> answered.add(eachItem.apply(item)));
        MemberCareResponse response = MemberCareResponse.ofItems(answered);
        return ResponseEntity.status(response.response().status().success() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .body(response);
    }
}
