package com.requestworkflows.query.history;

import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.error.RequestNotFoundException;
import com.requestworkflows.api.identity.Caller;
import com.requestworkflows.api.request.RequestIds;
import com.requestworkflows.api.request.RequestWorkflowEvent;
import com.requestworkflows.api.request.WorkflowTrail;
import com.requestworkflows.query.pointintime.RequestTimeline;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Objects;

/**
 * The audit trail of one request: its workflow events, oldest first, read from the event store (always current,
 * nothing to rebuild). As the reference shows them by default; {@code include=execution} adds a step for each stage
 * of carrying out an approved action, with the platform's answers.
 */
@RestController
public class RequestHistoryController {

    private static final String EXECUTION = "execution";

    private final RequestTimeline timeline;

    public RequestHistoryController(RequestTimeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping("/api/v1/requests/{requestId}/history")
    public List<RequestWorkflowEvent> history(@PathVariable String requestId,
                                              @RequestParam(required = false) String include,
                                              @AuthenticationPrincipal Caller caller) {
        if (include != null && !include.strip().equalsIgnoreCase(EXECUTION)) {
            throw new InvalidRequestException("include", "must be " + EXECUTION + " when given");
        }
        boolean detailed = include != null;
        // Request ids are UUIDs: anything else is unknown, and never reaches other aggregates in the store.
        List<WorkflowTrail.Step> steps = RequestIds.isRequestId(requestId) ? timeline.steps(requestId) : List.of();
        if (steps.isEmpty() || steps.get(0).trail().request() == null
                || steps.get(0).trail().request().orgId() != caller.orgId()) {
            throw new RequestNotFoundException(requestId);
        }
        return steps.stream().map(step -> detailed ? step.detailed() : step.reference()).filter(Objects::nonNull)
                .toList();
    }
}
