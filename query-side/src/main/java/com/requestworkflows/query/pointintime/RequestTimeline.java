package com.requestworkflows.query.pointintime;

import com.requestworkflows.api.request.RequestView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A request as it stood at some point of its history, folded from its events in the event store (never from a
 * view, so the answer is the same whenever and however often it is asked).
 */
@Component
public class RequestTimeline {

    /** How many recently changed requests are remembered, so that their next change needs no read. */
    private static final int REMEMBERED = 20_000;

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

    /** One change of a request: the request just before it (null for the submission) and just after it. */
    public record Change(RequestView before, RequestView after) {
    }

    /**
     * The request after its events up to {@code at}, compared in whole milliseconds as the API shows times; empty
     * when it had not been submitted by then or does not exist.
     */
    public Optional<RequestView> asOf(String requestId, Instant at) {
        long atMillis = at.toEpochMilli();
        return Optional.ofNullable(foldWhile(requestId, event -> event.getTimestamp().toEpochMilli() <= atMillis)
                .change().after());
    }

    /**
     * The change {@code event} made. Events reach their handlers in order per request, so the request as its
     * previous event left it is usually remembered and this reads nothing; otherwise it folds the stored events.
     */
    public Change changeMadeBy(DomainEventMessage<?> event) {
        String requestId = event.getAggregateIdentifier();
        long sequence = event.getSequenceNumber();
        Fold previous = sequence == 0 ? null : recent.get(requestId);
        Change change;
        if (sequence == 0 || (previous != null && previous.lastSequence() == sequence - 1)) {
            RequestView before = previous == null ? null : previous.change().after();
            change = new Change(before, RequestView.evolve(before, event.getPayload(), event.getTimestamp()));
        } else {
            change = changeAt(requestId, sequence);
        }
        // Two processors at different places share this: keep the furthest state of the request.
        recent.merge(requestId, new Fold(change, sequence),
                (known, now) -> known.lastSequence() > now.lastSequence() ? known : now);
        return change;
    }

    /** The change its event {@code sequence} made, folded from the stored events. */
    public Change changeAt(String requestId, long sequence) {
        Fold fold = foldWhile(requestId, event -> event.getSequenceNumber() <= sequence);
        if (fold.lastSequence() != sequence) {
            throw new IllegalStateException("Event " + sequence + " of request " + requestId
                    + " is not in the event store");
        }
        return fold.change();
    }

    /** Folds the request's events, oldest first, while {@code include} holds. */
    private Fold foldWhile(String requestId, Predicate<DomainEventMessage<?>> include) {
        RequestView before = null;
        RequestView after = null;
        long lastSequence = -1;
        // From sequence 0, not readEvents(id): that would start from a snapshot of the aggregate if there were one.
        DomainEventStream events = eventStore.readEvents(requestId, 0);
        while (events.hasNext() && include.test(events.peek())) {
            DomainEventMessage<?> event = events.next();
            before = after;
            after = RequestView.evolve(after, event.getPayload(), event.getTimestamp());
            lastSequence = event.getSequenceNumber();
        }
        return new Fold(new Change(before, after), lastSequence);
    }

    private record Fold(Change change, long lastSequence) {
    }
}
