package com.requestworkflows.query.reporting;

import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.query.request.ListingParameters;
import org.springframework.data.mongodb.core.query.Criteria;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The {@code from}/{@code to} of a report, in epoch milliseconds, both inclusive; either may be open. */
public record TimeRange(Long from, Long to) {

    public TimeRange {
        if (from != null && to != null && from > to) {
            throw new InvalidRequestException("from", "must not be after to");
        }
    }

    /** Parsed as the listings parse them: ISO-8601 instants, dates (UTC; {@code to} takes the whole day), millis. */
    static TimeRange parse(String from, String to) {
        return new TimeRange(ListingParameters.from(from), ListingParameters.to(to));
    }

    boolean contains(Long time) {
        return time != null && (from == null || time >= from) && (to == null || time <= to);
    }

    /** Documents whose {@code field} holds a time within the range. */
    Criteria on(String field) {
        Criteria criteria = where(field).ne(null);
        if (from != null) {
            criteria = criteria.gte(from);
        }
        return to == null ? criteria : criteria.lte(to);
    }
}
