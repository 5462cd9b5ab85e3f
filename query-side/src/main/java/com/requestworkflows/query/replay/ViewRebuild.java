package com.requestworkflows.query.replay;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** One rebuild of one or more views, as an operator follows it. */
public final class ViewRebuild {

    public enum Status {
        /** Reading the event store into fresh collections; the live views keep serving. */
        REBUILDING,
        /** Caught up: each view's processor is paused, the last events applied and the fresh collection swapped in. */
        SWAPPING,
        COMPLETED,
        FAILED
    }

    private final String id;
    private final List<String> views;
    private final long requestedBy;
    private final Instant startedAt = Instant.now();
    private final AtomicLong eventsDone = new AtomicLong();
    private volatile long eventsTotal;
    private volatile Status status = Status.REBUILDING;
    private volatile Instant finishedAt;
    private volatile String error;

    ViewRebuild(String id, List<String> views, long requestedBy) {
        this.id = id;
        this.views = List.copyOf(views);
        this.requestedBy = requestedBy;
    }

    public String id() {
        return id;
    }

    public List<String> views() {
        return views;
    }

    boolean isRunning() {
        return status == Status.REBUILDING || status == Status.SWAPPING;
    }

    /** About how many events there are to apply (the store's positions may have gaps). */
    void expect(long total) {
        eventsTotal = total;
    }

    void advance() {
        eventsDone.incrementAndGet();
    }

    void swapping() {
        status = Status.SWAPPING;
    }

    void completed() {
        eventsTotal = eventsDone.get();
        finishedAt = Instant.now();
        status = Status.COMPLETED;
    }

    void failed(String reason) {
        finishedAt = Instant.now();
        error = reason;
        status = Status.FAILED;
    }

    /** What the API shows: progress, rate (events/s) and the estimated time left. */
    public Progress progress() {
        long done = eventsDone.get();
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        double seconds = Math.max(Duration.between(startedAt, end).toMillis(), 1) / 1000.0;
        double rate = done / seconds;
        long total = Math.max(eventsTotal, done);
        Long etaSeconds = isRunning() && rate > 0 ? Math.round((total - done) / rate) : null;
        return new Progress(id, views, status, done, total, Math.round(rate), etaSeconds, requestedBy, startedAt,
                finishedAt, error);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Progress(String id, List<String> views, Status status, long eventsDone, long eventsTotal,
                           long eventsPerSecond, Long etaSeconds, long requestedBy, Instant startedAt,
                           Instant finishedAt, String error) {
    }
}
