package com.requestworkflows.query.listing;

import com.requestworkflows.api.error.InvalidRequestException;
import org.springframework.data.mongodb.core.query.Criteria;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The {@code from}/{@code to} of a listing or report, in epoch milliseconds, both inclusive; either may be open. A
 * range that ends before it starts is refused (400, naming {@code to}) rather than answered with an empty page, so
 * that a client that swapped its bounds finds out.
 */
public record TimeRange(Long from, Long to) {

    public static final TimeRange ALL = new TimeRange(null, null);

    public TimeRange {
        if (from != null && to != null && from > to) {
            throw new InvalidRequestException("to", "must not be before from");
        }
    }

    /** Parsed as {@link ListingParameters#from} and {@link ListingParameters#to} parse each bound. */
    public static TimeRange parse(String from, String to) {
        return new TimeRange(ListingParameters.from(from), ListingParameters.to(to));
    }

    public boolean contains(Long time) {
        return time != null && (from == null || time >= from) && (to == null || time <= to);
    }

    /** Documents whose {@code field} holds a time within the range (and so has one). */
    public Criteria on(String field) {
        return within(where(field).ne(null));
    }

    /** {@code criteria} and, where the range has bounds, {@code field} within them. */
    public Criteria and(Criteria criteria, String field) {
        return from == null && to == null ? criteria : within(criteria.and(field));
    }

    private Criteria within(Criteria field) {
        Criteria bounded = from == null ? field : field.gte(from);
        return to == null ? bounded : bounded.lte(to);
    }
}
