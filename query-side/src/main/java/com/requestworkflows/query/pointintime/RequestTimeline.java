package com.requestworkflows.query.pointintime;

import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.api.request.WorkflowTrail;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A request's history, folded from its events in the event store (never from a view, so the answer is the same
 * whenever and however often it is asked, and as current as the store): its workflow trail, each step, and the
 * request as it stood at any moment.
 */
@Component
public class RequestTimeline {

    /** How many recently changed requests are remembered, so that their next change needs no read. */
    private static final int REMEMBERED = 2_000;

    private final EventStore eventStore;
    private final Map<String, Fold> recent = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Fold> eldest) {
            return size() > REMEMBERED;
        }
    });

    public RequestTimeline(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * The request after its events up to {@code at}, compared in whole milliseconds as the API shows times; empty
     * when it had not been submitted by then or does not exist.
     */
    public Optional<RequestView> asOf(String requestId, Instant at) {
        long atMillis = at.toEpochMilli();
        return Optional.ofNullable(foldWhile(requestId, event -> event.getTimestamp().toEpochMilli() <= atMillis,
                null).trail().request());
    }

    /** Every step of the request's history, oldest first; empty for a request that does not exist. */
    public List<WorkflowTrail.Step> steps(String requestId) {
        List<WorkflowTrail.Step> steps = new ArrayList<>();
        foldWhile(requestId, event -> true, steps);
        return steps;
    }

    /**
     * The step {@code event} made. Events reach their handlers in order per request, so the request as its previous
     * event left it is usually remembered and this reads nothing; otherwise it folds the stored events.
     */
    public WorkflowTrail.Step stepMadeBy(DomainEventMessage<?> event) {
        String requestId = event.getAggregateIdentifier();
        long sequence = event.getSequenceNumber();
        Fold previous = sequence == 0 ? null : recent.get(requestId);
        WorkflowTrail.Step step;
        if (sequence == 0 || (previous != null && previous.lastSequence() == sequence - 1)) {
            step = (previous == null ? WorkflowTrail.START : previous.step().trail()).next(event);
        } else {
            Fold fold = foldWhile(requestId, stored -> stored.getSequenceNumber() <= sequence, null);
            if (fold.lastSequence() != sequence) {
                throw new IllegalStateException("Event " + sequence + " of request " + requestId
                        + " is not in the event store");
            }
            step = fold.step();
        }
        // Several processors at different places may share this: keep the furthest state of the request.
        recent.merge(requestId, new Fold(step, sequence),
                (known, now) -> known.lastSequence() > now.lastSequence() ? known : now);
        return step;
    }

    /** Folds the request's events, oldest first, while {@code include} holds; each step into {@code steps}. */
    private Fold foldWhile(String requestId, Predicate<DomainEventMessage<?>> include, List<WorkflowTrail.Step> steps) {
        WorkflowTrail.Step step = new WorkflowTrail.Step(WorkflowTrail.START, null, null);
        long lastSequence = -1;
        // From sequence 0, not readEvents(id): that would start from a snapshot of the aggregate if there were one.
        DomainEventStream events = eventStore.readEvents(requestId, 0);
        while (events.hasNext() && include.test(events.peek())) {
            DomainEventMessage<?> event = events.next();
            step = step.trail().next(event);
            lastSequence = event.getSequenceNumber();
            if (steps != null) {
                steps.add(step);
            }
        }
        return new Fold(step, lastSequence);
    }

    private record Fold(WorkflowTrail.Step step, long lastSequence) {

        WorkflowTrail trail() {
            return step.trail();
        }
    }
}
