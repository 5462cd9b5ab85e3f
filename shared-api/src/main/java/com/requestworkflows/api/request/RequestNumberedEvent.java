package com.requestworkflows.api.request;

import org.axonframework.serialization.Revision;

/**
 * A request submitted before requests were numbered got its number. Not a change of its state: no workflow event
 * and no audit entry stand for it.
 */
@Revision("1")
public record RequestNumberedEvent(String requestId, long orgId, long requestNumber) implements RequestEvent {
}
