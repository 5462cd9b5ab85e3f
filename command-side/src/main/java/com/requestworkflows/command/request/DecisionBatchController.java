package com.requestworkflows.command.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.requestworkflows.api.error.ErrorCodes;
import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.error.RequestWorkflowException;
import com.requestworkflows.api.identity.Caller;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.command.request.RequestCommands.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Many decisions in one call ({@code POST /api/v1/decisions}): each decided on its own, in order, and answered on
 * its own, so a refused item (decided by someone else meanwhile, not allowed, not found) never stops the others.
 */
@RestController
public class DecisionBatchController {

    static final int MAX_DECISIONS = 100;
    private static final Logger log = LoggerFactory.getLogger(DecisionBatchController.class);

    private final RequestCommands commands;

    public DecisionBatchController(RequestCommands commands) {
        this.commands = commands;
    }

    public record DecisionItem(String requestId, String decision, String comment, Map<String, Object> adjustment) {
    }

    public record DecisionsBody(List<DecisionItem> decisions) {
    }

    /** One item's outcome: its HTTP status as a call of its own would have had, and the request or the problem. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionResult(String requestId, String decision, int status, RequestView request,
                                 ProblemDetail problem) {
    }

    public record DecisionsAnswer(int succeeded, int failed, List<DecisionResult> results) {
    }

    @PostMapping("/api/v1/decisions")
    public DecisionsAnswer decide(@RequestBody DecisionsBody body, @AuthenticationPrincipal Caller caller) {
        List<DecisionItem> items = body.decisions();
        if (items == null || items.isEmpty() || items.size() > MAX_DECISIONS) {
            throw new InvalidRequestException("decisions", "must hold 1 to " + MAX_DECISIONS + " decisions");
        }
        List<DecisionResult> results = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            results.add(decide(items.get(index), "decisions[" + index + "]", caller));
        }
        int succeeded = (int) results.stream().filter(result -> result.status() == HttpStatus.OK.value()).count();
        return new DecisionsAnswer(succeeded, results.size() - succeeded, results);
    }

    private DecisionResult decide(DecisionItem item, String path, Caller caller) {
        if (item == null) {
            return refused(null, null, new InvalidRequestException(path, "must be a decision"));
        }
        try {
            Decision decision = Decision.parse(path + ".decision", item.decision());
            RequestView decided = commands.decide(caller, item.requestId(), decision,
                    RequestCommandController.DecisionBody.comment(item.comment()), item.adjustment());
            return new DecisionResult(item.requestId(), item.decision(), HttpStatus.OK.value(), decided, null);
        } catch (RuntimeException failure) {
            return CommandRefusals.refusalOf(failure, item.requestId())
                    .map(refusal -> refused(item.requestId(), item.decision(), refusal))
                    .orElseGet(() -> failed(item, failure));
        }
    }

    private static DecisionResult refused(String requestId, String decision, RequestWorkflowException refusal) {
        return new DecisionResult(requestId, decision, refusal.status(), null, RefusalProblems.of(refusal));
    }

    private static DecisionResult failed(DecisionItem item, RuntimeException failure) {
        log.error("Decision on {} failed unexpectedly", item.requestId(), failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The decision could not be made; retry later");
        problem.setTitle("Internal error");
        problem.setProperty("code", ErrorCodes.INTERNAL_ERROR);
        return new DecisionResult(item.requestId(), item.decision(), HttpStatus.INTERNAL_SERVER_ERROR.value(), null,
                problem);
    }
}
