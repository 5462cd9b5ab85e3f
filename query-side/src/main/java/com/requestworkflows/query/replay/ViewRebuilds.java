package com.requestworkflows.query.replay;

import com.mongodb.MongoNamespace;
import com.mongodb.client.model.RenameCollectionOptions;
import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.query.projection.ProjectionConfiguration;
import com.requestworkflows.query.projection.RequestViews;
import com.requestworkflows.query.projection.ViewCollections;
import com.requestworkflows.query.projection.ViewIndexes;
import com.requestworkflows.query.projection.ViewStoreFlush;
import com.requestworkflows.query.projection.ViewWrites;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Rebuilds the views from the event store without ever showing a half-built one: every stored event is applied to
 * fresh collections while the live views keep serving; once caught up, the views' processor is paused, the last
 * events are applied, the fresh collections replace the live ones (each in a single rename), and the processor
 * resumes from exactly where the rebuild stopped. Only the views' own {@link RequestViews#apply} runs, so nothing
 * with side effects (executions, webhooks) does. One rebuild at a time.
 */
@Component
public class ViewRebuilds {

    static final String ALL = "all";
    /**
     * Names a rebuild may be asked for by: {@code all}, or one of the views' earlier names (they are kept by one
     * processor now, so each of these rebuilds them all).
     */
    static final Set<String> NAMES = Set.of(ALL, ProjectionConfiguration.VIEWS, "request-view", "task-inbox",
            "request-history", "audit-log", "request-facts");
    /** Events read and applied between two looks at the documents they change. */
    private static final int CHUNK = 500;
    private static final Logger log = LoggerFactory.getLogger(ViewRebuilds.class);

    private final RequestViews views;
    private final EventStore eventStore;
    private final EventStorageEngine storage;
    private final EventProcessingConfiguration processing;
    private final MongoTemplate mongo;
    private final ViewStoreFlush flush;
    private final ViewIndexes indexes;
    private final int eventsPerWrite;
    private final Map<String, ViewRebuild> rebuilds = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "view-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public ViewRebuilds(RequestViews views, EventStore eventStore, EventStorageEngine storage,
                        EventProcessingConfiguration processing, MongoTemplate mongo, ViewIndexes indexes,
                        ObjectProvider<ViewStoreFlush> flush,
                        @Value("${requests.replay.events-per-write:5000}") int eventsPerWrite) {
        this.views = views;
        this.eventStore = eventStore;
        this.storage = storage;
        this.processing = processing;
        this.mongo = mongo;
        this.indexes = indexes;
        // Events applied in memory between two bulk writes of the fresh collections.
        this.eventsPerWrite = eventsPerWrite;
        this.flush = flush.getIfAvailable(() -> () -> { });
    }

    /** A rebuild that died with the process leaves its fresh collections behind: they are dropped at start-up. */
    @EventListener(ApplicationReadyEvent.class)
    void dropAbandonedRebuilds() {
        ViewCollections.ALL.forEach(collection -> drop(ViewCollections.fresh(collection)));
    }

    /** Starts rebuilding the views (asked for as {@code all}, or by a view's name) in the background. */
    public synchronized ViewRebuild start(String name, long requestedBy) {
        if (NAMES.stream().noneMatch(known -> known.equalsIgnoreCase(name))) {
            throw new InvalidRequestException("projection", "'" + name + "' is not a view; " + ALL
                    + " (the views are rebuilt together)");
        }
        if (rebuilds.values().stream().anyMatch(ViewRebuild::isRunning)) {
            throw new RebuildRunningException();
        }
        ViewRebuild rebuild = new ViewRebuild(UUID.randomUUID().toString(), ViewCollections.ALL, requestedBy);
        // The head's position counts the stored events (give or take gaps): known before the answer shows progress.
        rebuild.expect(eventStore.createHeadToken().position().orElse(0) + 1);
        rebuilds.put(rebuild.id(), rebuild);
        runner.execute(() -> run(rebuild));
        return rebuild;
    }

    public Optional<ViewRebuild> find(String id) {
        return Optional.ofNullable(rebuilds.get(id));
    }

    public List<ViewRebuild.Progress> all() {
        return rebuilds.values().stream().map(ViewRebuild::progress)
                .sorted((a, b) -> b.startedAt().compareTo(a.startedAt())).toList();
    }

    private void run(ViewRebuild rebuild) {
        StreamingEventProcessor processor = processing.eventProcessor(ProjectionConfiguration.VIEWS,
                StreamingEventProcessor.class).orElseThrow(() -> new IllegalStateException("No views processor"));
        boolean paused = false;
        try {
            ViewCollections.ALL.forEach(collection -> {
                drop(ViewCollections.fresh(collection));
                // Indexed while filled: no pass over the documents after the swap.
                indexes.ensureIndexes(collection, ViewCollections.fresh(collection));
            });
            ViewWrites writes = ViewWrites.fresh(mongo);
            TrackingToken reached = applyFrom(null, rebuild, writes);
            rebuild.swapping();
            processor.shutDown();
            paused = true;
            reached = applyFrom(reached, rebuild, writes);
            writes.flush();
            ViewCollections.ALL.forEach(this::swapIn);
            indexes.ensureIndexes();
            // The swapped views must be durable before the tokens say they are complete.
            flush.flush();
            processor.resetTokens(reached);
            rebuild.completed();
            log.info("Rebuilt the views: {} events", rebuild.progress().eventsDone());
        } catch (Exception e) {
            log.error("Rebuild of the views failed", e);
            ViewCollections.ALL.forEach(collection -> drop(ViewCollections.fresh(collection)));
            rebuild.failed("The rebuild stopped: " + e.getClass().getSimpleName() + "; the live views are unchanged");
        } finally {
            if (paused) {
                processor.start();
            }
        }
    }

    /**
     * Applies every stored event after {@code from} (all of them from null) and answers the position reached, a
     * token that also remembers gaps of transactions still open, so that nothing they commit later is missed.
     * Events come in chunks; each chunk's documents are read in one query before its events are applied.
     */
    private TrackingToken applyFrom(TrackingToken from, ViewRebuild rebuild, ViewWrites writes) {
        TrackingToken reached = from;
        long applied = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(from, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            while (iterator.hasNext()) {
                List<DomainEventMessage<?>> chunk = new ArrayList<>(CHUNK);
                while (chunk.size() < CHUNK && iterator.hasNext()) {
                    TrackedEventMessage<?> event = iterator.next();
                    reached = event.trackingToken();
                    rebuild.advance();
                    if (event instanceof DomainEventMessage<?> domain) {
                        chunk.add(domain);
                    }
                }
                writes.preload(chunk.stream().filter(event -> event.getSequenceNumber() > 0)
                        .map(DomainEventMessage::getAggregateIdentifier).toList());
                for (DomainEventMessage<?> event : chunk) {
                    views.apply(event, writes);
                }
                if (applied / eventsPerWrite != (applied + chunk.size()) / eventsPerWrite) {
                    writes.flush();
                }
                applied += chunk.size();
            }
        }
        return reached;
    }

    private void drop(String collection) {
        if (mongo.collectionExists(collection)) {
            mongo.dropCollection(collection);
        }
    }

    private void swapIn(String collection) {
        String fresh = ViewCollections.fresh(collection);
        if (!mongo.collectionExists(fresh)) {
            mongo.createCollection(fresh);
        }
        String database = mongo.getDb().getName();
        mongo.getCollection(fresh).renameCollection(new MongoNamespace(database, collection),
                new RenameCollectionOptions().dropTarget(true));
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
