package com.requestworkflows.command.execution;

import com.requestworkflows.api.request.RequestView;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** A request as its events in the store say it stands now. */
@Component
public class EventSourcedRequests {

    private final EventStore eventStore;

    public EventSourcedRequests(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public RequestView current(String requestId) {
        RequestView[] view = {null};
        eventStore.readEvents(requestId).asStream()
                .forEach(event -> view[0] = RequestView.evolve(view[0], event.getPayload(), event.getTimestamp()));
        return view[0];
    }
}
