package com.requestworkflows.query.request;

import com.requestworkflows.api.request.ApprovalType;
import com.requestworkflows.api.request.BaseType;
import com.requestworkflows.api.request.ExecutionView;
import com.requestworkflows.api.request.RequestAttributes;
import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.query.projection.AttributesCodec;
import com.requestworkflows.query.projection.SequencedDocument;
import org.springframework.data.annotation.Id;

/**
 * A request as stored in the {@code requests} view and, while pending, in the checkers' inbox. The attributes are
 * kept as the submitted JSON text (see {@link AttributesCodec}).
 */
public record RequestDocument(@Id String requestId,
                              String refId,
                              long orgId,
                              RequestType requestType,
                              BaseType baseType,
                              String referenceId,
                              RequestState state,
                              long requesterId,
                              Long checkerId,
                              String comment,
                              String reason,
                              ApprovalType approvalType,
                              String approvalRule,
                              long createdAt,
                              long updateTime,
                              String requestAttributes,
                              ExecutionView execution,
                              long lastSequence) implements SequencedDocument {

    public static RequestDocument of(RequestView view, long sequence, AttributesCodec codec) {
        return new RequestDocument(view.requestId(), view.refId(), view.orgId(), view.requestType(), view.baseType(),
                view.referenceId(), view.state(), view.requesterId(), view.checkerId(), view.comment(), view.reason(),
                view.approvalType(), view.approvalRule(), view.createdAt(), view.updateTime(),
                codec.write(view.requestAttributes()), view.execution(), sequence);
    }

    public RequestView toView(AttributesCodec codec) {
        return new RequestView(requestId, refId, orgId, requestType, baseType, referenceId, state, requesterId,
                checkerId, comment, reason, approvalType, approvalRule, createdAt, updateTime,
                codec.read(requestAttributes, RequestAttributes.class), execution);
    }
}
