package com.requestworkflows.query.request;

import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.query.listing.ListingParameters;
import com.requestworkflows.query.listing.PageResponse;
import com.requestworkflows.query.projection.AttributesCodec;
import com.requestworkflows.query.projection.ViewCollections;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Reads {@link RequestDocument}s, always within one org. */
@Component
public class RequestViewQueries {

    private final MongoTemplate mongo;
    private final AttributesCodec codec;

    public RequestViewQueries(MongoTemplate mongo, AttributesCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
    }

    public Optional<RequestView> find(long orgId, String requestId) {
        Query byId = Query.query(where("_id").is(requestId).and("orgId").is(orgId));
        return Optional.ofNullable(mongo.findOne(byId, RequestDocument.class, ViewCollections.REQUESTS))
                .map(document -> document.toView(codec));
    }

    public PageResponse<RequestView> page(String collection, Criteria criteria, ListingParameters.Paging paging,
                                          Sort sort) {
        Query query = Query.query(criteria);
        long total = mongo.count(query, collection);
        query.with(sort).skip(paging.offset()).limit(paging.size());
        return PageResponse.of(mongo.find(query, RequestDocument.class, collection).stream()
                .map(document -> document.toView(codec)).toList(), paging, total);
    }
}
