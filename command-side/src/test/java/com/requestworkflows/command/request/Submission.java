package com.requestworkflows.command.request;

import com.requestworkflows.api.request.BaseType;
import com.requestworkflows.api.request.RequestAttributes;
import com.requestworkflows.api.request.RequestSubmittedEvent;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.api.request.SubmitRequestCommand;

/** Builds a submit command and the event it is expected to record from the same values. */
final class Submission {

    static final String REQUEST_ID = "2083b025-c1d5-11ee-9641-7277dba3c6a7";
    static final long ORG = 0;
    static final long MAKER = 232134;

    private String requestId = REQUEST_ID;
    private long orgId = ORG;
    private final RequestType type;
    private final BaseType baseType;
    private String referenceId;
    private String reason;
    private RequestAttributes attributes;
    private Boolean clientAutoApprove;
    private long number = 1;

    private Submission(RequestType type, BaseType baseType) {
        this.type = type;
        this.baseType = baseType;
        this.attributes = ReferencePayloads.valid(type, baseType);
    }

    /** A valid submission of the type by {@link #MAKER} in {@link #ORG}, with the type's reference attributes. */
    static Submission of(RequestType type, BaseType baseType) {
        return new Submission(type, baseType);
    }

    static Submission of(RequestType type) {
        return of(type, null);
    }

    Submission id(String requestId) {
        this.requestId = requestId;
        return this;
    }

    Submission org(long orgId) {
        this.orgId = orgId;
        return this;
    }

    Submission referenceId(String referenceId) {
        this.referenceId = referenceId;
        return this;
    }

    Submission reason(String reason) {
        this.reason = reason;
        return this;
    }

    Submission attributes(RequestAttributes attributes) {
        this.attributes = attributes;
        return this;
    }

    Submission clientAutoApprove() {
        return clientAutoApprove(true);
    }

    /** What the submitter says about automatic approval: true, false, or null for nothing. */
    Submission clientAutoApprove(Boolean word) {
        this.clientAutoApprove = word;
        return this;
    }

    /** The number the submission is expected to get (the first one by default). */
    Submission number(long number) {
        this.number = number;
        return this;
    }

    String requestId() {
        return requestId;
    }

    long orgId() {
        return orgId;
    }

    SubmitRequestCommand command() {
        return new SubmitRequestCommand(requestId, orgId, MAKER, type, baseType, referenceId, reason, attributes,
                clientAutoApprove);
    }

    RequestSubmittedEvent submitted() {
        return new RequestSubmittedEvent(requestId, orgId, MAKER, type, baseType, referenceId, reason, attributes,
                number, clientAutoApprove);
    }
}
