package com.requestworkflows.query.webhook;

/** Where a delivery stands. Only {@link #PENDING} deliveries are sent; an admin can turn {@link #PARKED} back. */
public enum DeliveryStatus {
    /** Waiting for its next attempt (or for the deliveries of the same request before it). */
    PENDING,
    /** A subscriber answered 2xx. */
    DELIVERED,
    /** Every attempt failed: a dead letter, sent again only when an admin redelivers it. */
    PARKED,
    /** Its subscription was deleted before it was delivered. */
    DISCARDED
}
