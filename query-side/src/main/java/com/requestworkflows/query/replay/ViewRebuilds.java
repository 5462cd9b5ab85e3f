package com.requestworkflows.query.replay;

import com.mongodb.MongoNamespace;
import com.mongodb.client.model.RenameCollectionOptions;
import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.query.projection.IdempotentViewWriter;
import com.requestworkflows.query.projection.RebuildableView;
import com.requestworkflows.query.projection.ViewIndexes;
import com.requestworkflows.query.projection.ViewStoreFlush;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Rebuilds views from the event store without ever showing a half-built one: every stored event is applied to a
 * fresh collection while the live view keeps serving; once caught up, the view's processor is paused, the last
 * events are applied, the fresh collection replaces the live one in a single rename, and the processor resumes from
 * exactly where the rebuild stopped. Only the views' own {@link RebuildableView#apply} runs, so nothing with side
 * effects (executions, webhooks) does. One rebuild at a time.
 */
@Component
public class ViewRebuilds {

    static final String ALL = "all";
    private static final String FRESH_SUFFIX = "_rebuild";
    /** Events read ahead while the views apply the ones before (fewer when writes come more often). */
    private static final int CHUNK = 500;
    private static final Logger log = LoggerFactory.getLogger(ViewRebuilds.class);

    private final Map<String, RebuildableView> views = new LinkedHashMap<>();
    private final EventStore eventStore;
    private final EventStorageEngine storage;
    private final EventProcessingConfiguration processing;
    private final MongoTemplate mongo;
    private final IdempotentViewWriter writer;
    private final ViewStoreFlush flush;
    private final ViewIndexes indexes;
    private final int eventsPerWrite;
    private final Map<String, ViewRebuild> rebuilds = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "view-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public ViewRebuilds(List<RebuildableView> rebuildable, EventStore eventStore, EventStorageEngine storage,
                        EventProcessingConfiguration processing, MongoTemplate mongo, IdempotentViewWriter writer,
                        ViewIndexes indexes, ObjectProvider<ViewStoreFlush> flush,
                        @Value("${requests.replay.events-per-write:5000}") int eventsPerWrite) {
        rebuildable.forEach(view -> views.put(view.processingGroup(), view));
        this.eventStore = eventStore;
        this.storage = storage;
        this.processing = processing;
        this.mongo = mongo;
        this.writer = writer;
        this.indexes = indexes;
        // Events applied in memory between two bulk writes of the fresh collections.
        this.eventsPerWrite = eventsPerWrite;
        this.flush = flush.getIfAvailable(() -> () -> { });
    }

    /** A rebuild that died with the process leaves its fresh collections behind: they are dropped at start-up. */
    @EventListener(ApplicationReadyEvent.class)
    void dropAbandonedRebuilds() {
        views.values().forEach(view -> drop(fresh(view)));
    }

    public Collection<String> viewNames() {
        return views.keySet();
    }

    /** Starts rebuilding {@code name} (a view's name, or {@code all}) in the background. */
    public synchronized ViewRebuild start(String name, long requestedBy) {
        List<RebuildableView> chosen = ALL.equalsIgnoreCase(name) ? List.copyOf(views.values())
                : Optional.ofNullable(views.get(name)).map(List::of).orElseThrow(() -> new InvalidRequestException(
                "projection", "'" + name + "' is not a view; one of " + views.keySet() + " or " + ALL));
        if (rebuilds.values().stream().anyMatch(ViewRebuild::isRunning)) {
            throw new RebuildRunningException();
        }
        ViewRebuild rebuild = new ViewRebuild(UUID.randomUUID().toString(),
                chosen.stream().map(RebuildableView::processingGroup).toList(), requestedBy);
        // The head's position counts the stored events (give or take gaps): known before the answer shows progress.
        rebuild.expect(eventStore.createHeadToken().position().orElse(0) + 1);
        rebuilds.put(rebuild.id(), rebuild);
        runner.execute(() -> run(rebuild, chosen));
        return rebuild;
    }

    public Optional<ViewRebuild> find(String id) {
        return Optional.ofNullable(rebuilds.get(id));
    }

    public List<ViewRebuild.Progress> all() {
        return rebuilds.values().stream().map(ViewRebuild::progress)
                .sorted((a, b) -> b.startedAt().compareTo(a.startedAt())).toList();
    }

    private void run(ViewRebuild rebuild, List<RebuildableView> chosen) {
        List<StreamingEventProcessor> paused = new ArrayList<>();
        try {
            chosen.forEach(view -> drop(fresh(view)));
            // Indexed while filled: no pass over the documents after the swap.
            chosen.forEach(view -> indexes.ensureIndexes(view.collection(), fresh(view)));
            TrackingToken reached;
            try (IdempotentViewWriter.BufferedWrites writes =
                         writer.buffer(chosen.stream().map(ViewRebuilds::fresh).toList())) {
                reached = applyFrom(null, chosen, rebuild, writes);

                rebuild.swapping();
                for (RebuildableView view : chosen) {
                    StreamingEventProcessor processor = processorOf(view);
                    processor.shutDown();
                    paused.add(processor);
                }
                reached = applyFrom(reached, chosen, rebuild, writes);
            }
            for (RebuildableView view : chosen) {
                swapIn(view);
            }
            indexes.ensureIndexes();
            // The swapped views must be durable before the tokens say they are complete.
            flush.flush();
            for (StreamingEventProcessor processor : paused) {
                processor.resetTokens(reached);
            }
            rebuild.completed();
            log.info("Rebuilt {}: {} events", rebuild.views(), rebuild.progress().eventsDone());
        } catch (Exception e) {
            log.error("Rebuild of {} failed", rebuild.views(), e);
            chosen.forEach(view -> drop(fresh(view)));
            rebuild.failed("The rebuild stopped: " + e.getClass().getSimpleName() + "; the live views are unchanged");
        } finally {
            paused.forEach(StreamingEventProcessor::start);
        }
    }

    /**
     * Applies every stored event after {@code from} (all of them from null) and answers the position reached, a
     * token that also remembers gaps of transactions still open, so that nothing they commit later is missed.
     * Events are read in chunks; while the views apply one chunk, each view on a thread of its own (in order), the
     * next chunk is read.
     */
    private TrackingToken applyFrom(TrackingToken from, List<RebuildableView> chosen, ViewRebuild rebuild,
                                    IdempotentViewWriter.BufferedWrites writes) throws Exception {
        TrackingToken reached = from;
        long applied = 0;
        int chunkSize = Math.min(CHUNK, eventsPerWrite);
        ExecutorService appliers = Executors.newFixedThreadPool(chosen.size());
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(from, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            List<Future<?>> applying = List.of();
            while (iterator.hasNext()) {
                List<TrackedEventMessage<?>> chunk = new ArrayList<>(chunkSize);
                while (chunk.size() < chunkSize && iterator.hasNext()) {
                    TrackedEventMessage<?> event = iterator.next();
                    event.getPayload(); // deserialized here, once, not by every view
                    chunk.add(event);
                }
                awaitAll(applying);
                if (applied / eventsPerWrite != (applied + chunk.size()) / eventsPerWrite) {
                    writes.flush();
                }
                applied += chunk.size();
                applying = chosen.stream().<Future<?>>map(view -> appliers.submit(
                        () -> chunk.forEach(event -> view.apply(event, fresh(view))))).toList();
                reached = chunk.get(chunk.size() - 1).trackingToken();
                chunk.forEach(event -> rebuild.advance());
            }
            awaitAll(applying);
        } finally {
            appliers.shutdownNow();
        }
        return reached;
    }

    private static void awaitAll(List<Future<?>> tasks) throws Exception {
        for (Future<?> task : tasks) {
            task.get();
        }
    }

    private void drop(String collection) {
        if (mongo.collectionExists(collection)) {
            mongo.dropCollection(collection);
        }
    }

    private void swapIn(RebuildableView view) {
        if (!mongo.collectionExists(fresh(view))) {
            mongo.createCollection(fresh(view));
        }
        String database = mongo.getDb().getName();
        mongo.getCollection(fresh(view)).renameCollection(new MongoNamespace(database, view.collection()),
                new RenameCollectionOptions().dropTarget(true));
    }

    private StreamingEventProcessor processorOf(RebuildableView view) {
        return processing.eventProcessor(view.processingGroup(), StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + view.processingGroup()));
    }

    private static String fresh(RebuildableView view) {
        return view.collection() + FRESH_SUFFIX;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
