package com.requestworkflows.query.reporting;

import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.query.listing.TimeRange;
import com.requestworkflows.query.projection.ViewCollections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Reads {@link RequestFact}s for the reports, always within one org. */
@Component
public class RequestFacts {

    private final MongoTemplate mongo;

    public RequestFacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The org's criteria that every report query starts from. */
    static Criteria ofOrg(long orgId) {
        return where("orgId").is(orgId);
    }

    /** The facts matching {@code criteria} with at least one of {@code timeFields} within {@code range}. */
    List<RequestFact> touching(Criteria criteria, TimeRange range, String... timeFields) {
        Criteria inRange = criteria.orOperator(Arrays.stream(timeFields).map(range::on).toArray(Criteria[]::new));
        return mongo.find(Query.query(inRange), RequestFact.class, ViewCollections.REQUESTS);
    }

    List<RequestFact> pending(long orgId) {
        return mongo.find(Query.query(ofOrg(orgId).and("state").is(RequestState.PENDING)), RequestFact.class,
                ViewCollections.REQUESTS);
    }
}
