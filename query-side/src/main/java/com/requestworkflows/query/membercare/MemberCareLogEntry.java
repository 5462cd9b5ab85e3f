package com.requestworkflows.query.membercare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.requestworkflows.api.membercare.MemberCareItem;
import com.requestworkflows.api.request.ApprovalType;
import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.query.audit.AuditEntry;

import java.util.Map;

/**
 * One state change of a request as {@code request/logs} lists it: the request ({@code id}, its type, customer and
 * values), who added it and when, who changed it and when ({@code updated_by} null: the service itself), the status
 * it changed from and to, and how the request is decided ({@code approval_type}: by the service, CLIENT or CONFIG,
 * or by a checker because the client or the org's rules said so, CLIENT_DISABLED or CONFIG_DISABLED).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "reference_id", "type", "base_type", "customer", "old_value", "new_value",
        "approved_value", "previous_status", "status", "workflow_state", "transition", "added_by", "added_on",
        "updated_by", "updated_on", "approval_type", "comments"})
public record MemberCareLogEntry(Long id,
                                 @JsonProperty("reference_id") String referenceId,
                                 String type,
                                 @JsonProperty("base_type") String baseType,
                                 Map<String, String> customer,
                                 @JsonProperty("old_value") Object oldValue,
                                 @JsonProperty("new_value") Object newValue,
                                 @JsonProperty("approved_value") Object approvedValue,
                                 @JsonProperty("previous_status") String previousStatus,
                                 String status,
                                 @JsonProperty("workflow_state") String workflowState,
                                 AuditEntry.Transition transition,
                                 @JsonProperty("added_by") long addedBy,
                                 @JsonProperty("added_on") String addedOn,
                                 @JsonProperty("updated_by") Long updatedBy,
                                 @JsonProperty("updated_on") String updatedOn,
                                 @JsonProperty("approval_type") ApprovalType approvalType,
                                 String comments) {

    static MemberCareLogEntry of(AuditEntry entry, RequestView request) {
        MemberCareItem item = MemberCareItem.of(request, null);
        return new MemberCareLogEntry(request.requestNumber(), request.referenceId(), item.type(), item.baseType(),
                item.customer(), item.oldValue(), item.newValue(), item.approvedValue(),
                status(entry.previousState()), status(entry.state()), entry.state().wire(), entry.transition(),
                request.requesterId(), item.addedOn(), entry.actorId(), MemberCareItem.time(entry.at()), item.approvalType(),
                entry.comment());
    }

    private static String status(RequestState state) {
        return state == null ? null : state.memberCareStatus();
    }
}
