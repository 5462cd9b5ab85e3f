package com.requestworkflows.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.requestworkflows.api.error.RequestNotFoundException;
import com.requestworkflows.api.identity.Caller;
import com.requestworkflows.query.projection.AttributesCodec;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The audit trail of one request, as stored: the reference's workflow events, oldest first. */
@RestController
public class RequestHistoryController {

    private final MongoTemplate mongo;
    private final AttributesCodec codec;

    public RequestHistoryController(MongoTemplate mongo, AttributesCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
    }

    @GetMapping("/api/v1/requests/{requestId}/history")
    public List<JsonNode> history(@PathVariable String requestId, @AuthenticationPrincipal Caller caller) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(requestId).and("orgId").is(caller.orgId())),
                        RequestHistoryDocument.class, RequestHistoryProjection.COLLECTION))
                .map(history -> history.events().stream().map(event -> codec.read(event, JsonNode.class)).toList())
                .orElseThrow(() -> new RequestNotFoundException(requestId));
    }
}
