package com.requestworkflows.api.request;

/**
 * Every event of a request. Views handle them through this one type and {@link RequestView#evolve}, so a new event
 * needs a new case there, not a new handler in every view.
 */
public interface RequestEvent {

    String requestId();

    long orgId();
}
