package com.requestworkflows.api.request;

/** A request was created and waits for a checker (state {@code AdminTask}). */
public record RequestSubmittedEvent(String requestId,
                                    long orgId,
                                    long requesterId,
                                    RequestType requestType,
                                    BaseType baseType,
                                    String referenceId,
                                    String reason,
                                    RequestAttributes requestAttributes) implements RequestEvent {
}
