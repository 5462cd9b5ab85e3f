package com.requestworkflows.api.request;

import org.axonframework.eventhandling.EventMessage;

import java.time.Instant;

/**
 * The workflow events of one request, folded from its stored events in order, in two forms. The reference form is
 * what subscribers written against the reference samples expect: the request pending, then its outcome, each from
 * the state before it; an approval whose action is carried out shows only once the platform answered, as
 * {@code approved} or {@code failed} from {@code AdminTask}, with the checker, the comment and the
 * {@code apiRequestId} of the approval, exactly as the samples do. The detailed form adds a step for each stage of
 * the execution ({@code executing}, with {@code execution}: the round, the attempts and the platform's answers), for
 * those who ask for it.
 *
 * @param request             the request as its events so far left it (null before its submission)
 * @param outcomeFrom         while an approved action is carried out: the state it was carried out from
 *                            ({@code AdminTask}, or {@code failed} for a retry), which its outcome is shown to follow
 * @param outcomeApiRequestId while an approved action is carried out: the API call that started it
 */
public record WorkflowTrail(RequestView request, RequestState outcomeFrom, String outcomeApiRequestId) {

    /** Before the request's first event. */
    public static final WorkflowTrail START = new WorkflowTrail(null, null, null);

    /**
     * One event's step: the trail after it, and its workflow events in both forms; {@code reference} is null where
     * the reference form shows nothing for the event, and both are null for events that change no state.
     */
    public record Step(WorkflowTrail trail, RequestWorkflowEvent reference, RequestWorkflowEvent detailed) {
    }

    /** The step {@code message} (an event of this request, with its id, time and API call) makes. */
    public Step next(EventMessage<?> message) {
        Object apiRequestId = message.getMetaData().get(WorkflowMetaData.API_REQUEST_ID);
        return next(message.getPayload(), message.getIdentifier(),
                apiRequestId == null ? null : apiRequestId.toString(), message.getTimestamp());
    }

    public Step next(Object event, String eventId, String apiRequestId, Instant at) {
        RequestView after = RequestView.evolve(request, event, at);
        if (!(event instanceof RequestEvent) || event instanceof RequestNumberedEvent) {
            return new Step(new WorkflowTrail(after, outcomeFrom, outcomeApiRequestId), null, null);
        }
        RequestState before = request == null ? null : request.state();
        RequestWorkflowEvent detailed = RequestWorkflowEvent.of(after, before, eventId, apiRequestId, at, true);
        if ((event instanceof RequestApprovedEvent approved && approved.executionRequired())
                || event instanceof RequestExecutionRetriedEvent) {
            return new Step(new WorkflowTrail(after, before, apiRequestId), null, detailed);
        }
        if (event instanceof RequestExecutionAttemptFailedEvent) {
            return new Step(new WorkflowTrail(after, outcomeFrom, outcomeApiRequestId), null, detailed);
        }
        if (event instanceof RequestExecutedEvent || event instanceof RequestExecutionFailedEvent) {
            RequestWorkflowEvent outcome = RequestWorkflowEvent.of(after, outcomeFrom, eventId, outcomeApiRequestId,
                    at, false);
            return new Step(new WorkflowTrail(after, null, null), outcome, detailed);
        }
        RequestWorkflowEvent reference = RequestWorkflowEvent.of(after, before, eventId, apiRequestId, at, false);
        return new Step(new WorkflowTrail(after, null, null), reference, detailed);
    }
}
