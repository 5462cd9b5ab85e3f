package com.requestworkflows.query.projection;

import jakarta.annotation.PreDestroy;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The event store as the source of the service's streaming processors, telling them as soon as events are
 * committed here. The store's own streams cannot, so an idle pooled processor would look for new events only every
 * 500 ms, and every view would lag by up to that much. Processors are woken a few times shortly after each commit
 * (the store makes new events readable a moment after the commit, on a thread of its own). Events committed by
 * other instances are found by the processors' own looks, every token claim interval (500 ms, application.yml).
 */
@Component(PromptEventSource.BEAN_NAME)
public class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** The name the processors' {@code source} setting refers to. */
    public static final String BEAN_NAME = "promptEventSource";

    private static final long[] WAKE_AFTER_COMMIT_MS = {1, 4, 16, 50, 120, 250};
    private static final String SIGNAL_REGISTERED = PromptEventSource.class.getName();

    private final EventStore eventStore;
    private final Set<Runnable> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean[] wakeScheduled = new AtomicBoolean[WAKE_AFTER_COMMIT_MS.length];
    private final ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-processor-waker");
        thread.setDaemon(true);
        return thread;
    });

    public PromptEventSource(EventStore eventStore) {
        this.eventStore = eventStore;
        for (int i = 0; i < wakeScheduled.length; i++) {
            wakeScheduled[i] = new AtomicBoolean();
        }
        eventStore.registerDispatchInterceptor(events -> {
            wakeAfterCommit();
            return (index, event) -> event;
        });
    }

    private void wakeAfterCommit() {
        if (!CurrentUnitOfWork.isStarted()) {
            scheduleWakes();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (root.resources().putIfAbsent(SIGNAL_REGISTERED, Boolean.TRUE) == null) {
            root.afterCommit(unitOfWork -> scheduleWakes());
        }
    }

    private void scheduleWakes() {
        for (int i = 0; i < WAKE_AFTER_COMMIT_MS.length; i++) {
            AtomicBoolean scheduled = wakeScheduled[i];
            if (scheduled.compareAndSet(false, true)) {
                waker.schedule(() -> {
                    scheduled.set(false);
                    wake();
                }, WAKE_AFTER_COMMIT_MS[i], TimeUnit.MILLISECONDS);
            }
        }
    }

    private void wake() {
        waiting.forEach(Runnable::run);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PromptStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @PreDestroy
    void stop() {
        waker.shutdownNow();
    }

    /** The store's stream, plus the callback its processor registers to be woken. */
    private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private volatile Runnable callback;

        PromptStream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                waiting.remove(previous);
            }
            this.callback = callback;
            waiting.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return events.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                waiting.remove(registered);
            }
            events.close();
        }
    }
}
