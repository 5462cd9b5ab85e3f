package com.requestworkflows.api.request;

import org.axonframework.serialization.Revision;

/**
 * A request was created and waits for a checker (state {@code AdminTask}).
 *
 * @param requestNumber     its numeric id, unique in the store and so in its org (revision 2; null in events stored
 *                          before, whose requests are numbered by a {@link RequestNumberedEvent})
 * @param clientAutoApprove what the submitter said about approving it automatically: true, false (which overrides
 *                          the org's rules), or null when it said nothing (revision 2)
 */
@Revision("2")
public record RequestSubmittedEvent(String requestId,
                                    long orgId,
                                    long requesterId,
                                    RequestType requestType,
                                    BaseType baseType,
                                    String referenceId,
                                    String reason,
                                    RequestAttributes requestAttributes,
                                    Long requestNumber,
                                    Boolean clientAutoApprove) implements RequestEvent {
}
