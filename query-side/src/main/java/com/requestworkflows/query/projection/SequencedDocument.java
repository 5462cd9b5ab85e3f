package com.requestworkflows.query.projection;

/** A view document that remembers the sequence number of the last event of its aggregate it has applied. */
public interface SequencedDocument {

    long lastSequence();
}
