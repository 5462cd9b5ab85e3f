package com.requestworkflows.query.audit;

import com.requestworkflows.api.request.ApprovalType;
import com.requestworkflows.api.request.RequestApprovedEvent;
import com.requestworkflows.api.request.RequestCancelledEvent;
import com.requestworkflows.api.request.RequestEvent;
import com.requestworkflows.api.request.RequestExecutedEvent;
import com.requestworkflows.api.request.RequestExecutionAttemptFailedEvent;
import com.requestworkflows.api.request.RequestExecutionFailedEvent;
import com.requestworkflows.api.request.RequestExecutionRetriedEvent;
import com.requestworkflows.api.request.RequestRejectedEvent;
import com.requestworkflows.api.request.RequestSubmittedEvent;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.query.audit.AuditEntry.Transition;
import com.requestworkflows.query.pointintime.RequestTimeline;
import com.requestworkflows.query.projection.IdempotentViewWriter;
import com.requestworkflows.query.projection.ProjectionConfiguration;
import com.requestworkflows.query.projection.RequestEventView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * The audit log: one {@link AuditEntry} per request event, across all requests. The request before and after each
 * event is folded from the event store up to that event, so an entry depends on nothing but the stored events and
 * a rebuild writes exactly the same entries. Keyed by event id and written once, so redelivery changes nothing.
 */
@Component
@ProcessingGroup(AuditLogProjection.PROCESSING_GROUP)
public class AuditLogProjection extends RequestEventView {

    public static final String PROCESSING_GROUP = ProjectionConfiguration.AUDIT_LOG;
    static final String COLLECTION = "audit_log";

    private final IdempotentViewWriter views;
    private final RequestTimeline timeline;

    public AuditLogProjection(IdempotentViewWriter views, RequestTimeline timeline) {
        super(PROCESSING_GROUP, COLLECTION);
        this.views = views;
        this.timeline = timeline;
    }

    @Override
    protected void apply(RequestEvent event, DomainEventMessage<?> message, String target) {
        RequestTimeline.Change change = timeline.changeMadeBy(message);
        RequestView after = change.after();
        Attribution attribution = attributionOf(event);
        views.insertOnce(new AuditEntry(message.getIdentifier(), event.orgId(), event.requestId(),
                message.getSequenceNumber(), message.getTimestamp().toEpochMilli(), attribution.transition(),
                attribution.actorId(), change.before() == null ? null : change.before().state(), after.state(),
                attribution.approvalType(), attribution.approvalRule(), attribution.comment(), after.requestType(),
                after.baseType(), after.referenceId(), after.requesterId()), target);
    }

    /**
     * What the event did, who caused it (null: the service itself), what they said and, for an approval without a
     * checker, why.
     */
    private record Attribution(Transition transition, Long actorId, String comment, ApprovalType approvalType,
                               String approvalRule) {

        static Attribution byUser(Transition transition, Long actorId, String comment) {
            return new Attribution(transition, actorId, comment, null, null);
        }

        static Attribution byService(Transition transition) {
            return byUser(transition, null, null);
        }
    }

    private static Attribution attributionOf(RequestEvent event) {
        if (event instanceof RequestSubmittedEvent submitted) {
            return Attribution.byUser(Transition.SUBMITTED, submitted.requesterId(), submitted.reason());
        } else if (event instanceof RequestCancelledEvent cancelled) {
            return Attribution.byUser(Transition.CANCELLED, cancelled.requesterId(), cancelled.comment());
        } else if (event instanceof RequestApprovedEvent approved) {
            return new Attribution(Transition.APPROVED, approved.checkerId(), approved.comment(),
                    approved.approvalType(), approved.approvalRule());
        } else if (event instanceof RequestRejectedEvent rejected) {
            return Attribution.byUser(Transition.REJECTED, rejected.checkerId(), rejected.comment());
        } else if (event instanceof RequestExecutionRetriedEvent retried) {
            return Attribution.byUser(Transition.EXECUTION_RETRIED, retried.retriedBy(), null);
        } else if (event instanceof RequestExecutionAttemptFailedEvent) {
            return Attribution.byService(Transition.EXECUTION_ATTEMPT_FAILED);
        } else if (event instanceof RequestExecutedEvent) {
            return Attribution.byService(Transition.EXECUTED);
        } else if (event instanceof RequestExecutionFailedEvent) {
            return Attribution.byService(Transition.EXECUTION_FAILED);
        }
        throw new IllegalArgumentException("No audit transition for " + event.getClass().getSimpleName());
    }
}
