package com.requestworkflows.query.projection;

import org.axonframework.eventhandling.EventMessage;

/**
 * A MongoDB view kept by one event processor in one collection, and therefore rebuildable: a rebuild feeds every
 * stored event to {@link #apply} with a fresh collection, then swaps it in for the live one (see the replay
 * package). Its live {@code @EventHandler}s call {@link #apply} with {@link #collection()}.
 */
public interface RebuildableView {

    /** The processing group of its live processor; also the name an operator uses for it. */
    String processingGroup();

    /** The collection the view lives in. */
    String collection();

    /**
     * Applies one event to {@code targetCollection}. Must be idempotent (the same event twice changes nothing) and
     * must ignore events it does not care about.
     */
    void apply(EventMessage<?> event, String targetCollection);
}
