package com.requestworkflows.query.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.function.UnaryOperator;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Writes view documents so that an event delivered again (after a crash, a retry or a replay from an older token)
 * changes nothing. MongoDB here may have no transactions, so each event is one single-document write keyed by
 * the aggregate id and guarded by the aggregate's event sequence number.
 */
@Component
public class IdempotentViewWriter {

    private static final Logger log = LoggerFactory.getLogger(IdempotentViewWriter.class);

    private final MongoTemplate mongo;

    public IdempotentViewWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Creates the document unless it exists already. */
    public void insertOnce(Object document, String collection) {
        try {
            mongo.insert(document, collection);
        } catch (DuplicateKeyException redelivered) {
            log.debug("Document already in {}: event delivered again", collection);
        }
    }

    /** Applies {@code change} unless the document has already seen the event with this sequence number. */
    public <D extends SequencedDocument> void evolve(String id, long sequence, Class<D> type, String collection,
                                                     UnaryOperator<D> change) {
        D current = mongo.findById(id, type, collection);
        if (current == null) {
            log.warn("No document {} in {} to apply event {} to", id, collection, sequence);
            return;
        }
        if (current.lastSequence() >= sequence) {
            return;
        }
        mongo.replace(query(where("_id").is(id).and("lastSequence").is(current.lastSequence())),
                change.apply(current), collection);
    }

    public void delete(String id, String collection) {
        mongo.remove(query(where("_id").is(id)), collection);
    }
}
