package com.requestworkflows.query.pointintime;

import com.requestworkflows.api.request.RequestView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A request as it stood at some point of its history, folded from its events in the event store (never from a
 * view, so the answer is the same whenever and however often it is asked).
 */
@Component
public class RequestTimeline {

    private final EventStore eventStore;

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

    /** The change its event {@code sequence} made. */
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
