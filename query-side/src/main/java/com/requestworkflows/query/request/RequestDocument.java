package com.requestworkflows.query.request;

import com.requestworkflows.api.request.Adjustment;
import com.requestworkflows.api.request.ApprovalType;
import com.requestworkflows.api.request.BaseType;
import com.requestworkflows.api.request.ExecutionView;
import com.requestworkflows.api.request.RequestApprovedEvent;
import com.requestworkflows.api.request.RequestAttributes;
import com.requestworkflows.api.request.RequestCancelledEvent;
import com.requestworkflows.api.request.RequestCustomer;
import com.requestworkflows.api.request.RequestEvent;
import com.requestworkflows.api.request.RequestRejectedEvent;
import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.query.projection.AttributesCodec;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.Map;

/**
 * A request in the {@code requests} view, the one document every listing, the inbox and the reports read: the
 * request as it stands ({@link RequestView}), its attributes as the submitted JSON text (see
 * {@link AttributesCodec}), the customer it is about, and the times the reports count by: {@code decidedAt}, when
 * it left the pending state (approved by a checker or automatically, rejected or withdrawn), and {@code outcomeAt},
 * when it reached its current terminal state (for an executed approval, when the platform answered; null while it
 * is pending or executing). {@code lastSequence}: its last event applied, so that none is applied twice.
 */
public record RequestDocument(@Id String requestId,
                              String refId,
                              Long requestNumber,
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
                              Adjustment approvedValue,
                              Boolean clientAutoApprove,
                              long createdAt,
                              long updateTime,
                              String requestAttributes,
                              ExecutionView execution,
                              Map<String, String> customer,
                              Long decidedAt,
                              Long outcomeAt,
                              long lastSequence) {

    /** The document after one more event of its request ({@code before} is null for the submission). */
    public static RequestDocument after(RequestDocument before, RequestEvent event, long sequence, Instant at,
                                        AttributesCodec codec) {
        // The attributes never change after the submission: evolved without them, kept as the stored text.
        RequestView view = RequestView.evolve(before == null ? null : before.toView(null), event, at);
        if (before == null) {
            return of(view, codec.write(view.requestAttributes()),
                    RequestCustomer.identifiers(view.requestType(), view.requestAttributes()), null, null, sequence);
        }
        Long millis = at.toEpochMilli();
        boolean decision = event instanceof RequestApprovedEvent || event instanceof RequestRejectedEvent
                || event instanceof RequestCancelledEvent;
        Long outcomeAt = null;
        if (view.state().isOutcome()) {
            outcomeAt = view.state() == before.state() ? before.outcomeAt() : millis;
        }
        return of(view, before.requestAttributes(), before.customer(), decision ? millis : before.decidedAt(),
                outcomeAt, sequence);
    }

    private static RequestDocument of(RequestView view, String attributes, Map<String, String> customer,
                                      Long decidedAt, Long outcomeAt, long sequence) {
        return new RequestDocument(view.requestId(), view.refId(), view.requestNumber(), view.orgId(),
                view.requestType(), view.baseType(), view.referenceId(), view.state(), view.requesterId(),
                view.checkerId(), view.comment(), view.reason(), view.approvalType(), view.approvalRule(),
                view.approvedValue(), view.clientAutoApprove(), view.createdAt(), view.updateTime(), attributes,
                view.execution(), customer, decidedAt, outcomeAt, sequence);
    }

    /** The request as it stands, its attributes read back when a codec is given (else left out). */
    public RequestView toView(AttributesCodec codec) {
        return new RequestView(requestId, refId, requestNumber, orgId, requestType, baseType, referenceId, state,
                requesterId, checkerId, comment, reason, approvalType, approvalRule, approvedValue, clientAutoApprove,
                createdAt, updateTime, codec == null ? null : codec.read(requestAttributes, RequestAttributes.class),
                execution);
    }
}
