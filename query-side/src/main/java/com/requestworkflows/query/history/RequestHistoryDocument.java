package com.requestworkflows.query.history;

import com.requestworkflows.query.projection.SequencedDocument;
import org.springframework.data.annotation.Id;

import java.util.List;

/**
 * All workflow events of one request in one document, so the history is a single read by id. {@code currentView}
 * is the request after the last event (JSON), from which the next event's "previous state" is taken.
 */
public record RequestHistoryDocument(@Id String requestId,
                                     long orgId,
                                     long lastSequence,
                                     String currentView,
                                     List<String> events) implements SequencedDocument {
}
