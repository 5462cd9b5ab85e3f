package com.requestworkflows.query.webhook;

import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.api.request.RequestView;

import java.util.Set;

/**
 * An org's subscription to its workflow events: where they go, the secret they are signed with, which of them
 * (empty filters let everything through), and in which form: the reference's, or the detailed one with a step for
 * each stage of carrying out an approved action ({@code includeExecution}).
 */
public record WebhookSubscription(String id,
                                  long orgId,
                                  String url,
                                  String secret,
                                  Set<RequestType> requestTypes,
                                  Set<RequestState> states,
                                  boolean includeExecution,
                                  long createdBy,
                                  long createdAt) {

    public WebhookSubscription {
        requestTypes = Set.copyOf(requestTypes);
        states = Set.copyOf(states);
    }

    /** Whether the change that left {@code request} as it is now is of interest to this subscriber. */
    public boolean wants(RequestView request) {
        return (requestTypes.isEmpty() || requestTypes.contains(request.requestType()))
                && (states.isEmpty() || states.contains(request.state()));
    }

    /** Without the secret, which must never reach a log. */
    @Override
    public String toString() {
        return "WebhookSubscription[id=" + id + ", orgId=" + orgId + ", url=" + url + ", requestTypes=" + requestTypes
                + ", states=" + states + "]";
    }
}
