package com.requestworkflows.api.request;

import org.axonframework.serialization.Revision;

/** A request was created and waits for a checker (state {@code AdminTask}). */
@Revision("1")
public record RequestSubmittedEvent(String requestId,
                                    long orgId,
                                    long requesterId,
                                    RequestType requestType,
                                    BaseType baseType,
                                    String referenceId,
                                    String reason,
                                    RequestAttributes requestAttributes) implements RequestEvent {
}
