package com.requestworkflows.query.projection;

/**
 * Makes every view write so far durable. A processor calls it before it commits its token: a token must never
 * be stored ahead of the views it stands for, or a crash would leave those views wrong for good. MongoDB with
 * journaled writes needs nothing here; a store that delays its writes (the embedded one) must implement it.
 */
@FunctionalInterface
public interface ViewStoreFlush {

    void flush();
}
