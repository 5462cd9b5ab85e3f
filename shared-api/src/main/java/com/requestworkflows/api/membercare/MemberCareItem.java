package com.requestworkflows.api.membercare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.requestworkflows.api.request.Adjustment;
import com.requestworkflows.api.request.ApprovalType;
import com.requestworkflows.api.request.RequestCustomer;
import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestView;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * One request as the member-care API (v1.1) shows it, in answers to its calls and in its listing. The item's values
 * ({@code old_value}, {@code points}, ...) are the request's attributes of those names, as submitted;
 * {@code approved_value} is what a checker changed at approval. {@code status} is one of PENDING, APPROVED and
 * REJECTED, {@code workflow_state} the request's exact state ({@code executing}, {@code failed}, {@code cancelled},
 * ...). Times are {@code yyyy-MM-dd HH:mm:ss}, UTC.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"reference_id", "id", "status", "workflow_state", "type", "base_type", "customer", "old_value",
        "new_value", "points", "series_id", "transaction_id", "old_type", "new_type", "approved_value", "reason",
        "comments", "updated_comments", "approval_type", "added_by", "added_on", "updated_by", "updated_on",
        "item_status"})
public record MemberCareItem(@JsonProperty("reference_id") String referenceId,
                             Long id,
                             String status,
                             @JsonProperty("workflow_state") String workflowState,
                             String type,
                             @JsonProperty("base_type") String baseType,
                             Map<String, String> customer,
                             @JsonProperty("old_value") Object oldValue,
                             @JsonProperty("new_value") Object newValue,
                             Object points,
                             @JsonProperty("series_id") Object seriesId,
                             @JsonProperty("transaction_id") Object transactionId,
                             @JsonProperty("old_type") Object oldType,
                             @JsonProperty("new_type") Object newType,
                             @JsonProperty("approved_value") Object approvedValue,
                             String reason,
                             Object comments,
                             @JsonProperty("updated_comments") String updatedComments,
                             @JsonProperty("approval_type") ApprovalType approvalType,
                             @JsonProperty("added_by") Long addedBy,
                             @JsonProperty("added_on") String addedOn,
                             @JsonProperty("updated_by") Long updatedBy,
                             @JsonProperty("updated_on") String updatedOn,
                             @JsonProperty("item_status") ItemStatus itemStatus) {

    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** The request as it stands, with its item's status. */
    public static MemberCareItem of(RequestView request, ItemStatus itemStatus) {
        Map<String, Object> body = request.requestAttributes() == null || request.requestAttributes().body() == null
                ? Map.of() : request.requestAttributes().body();
        Adjustment adjusted = request.approvedValue();
        boolean decided = request.state() != RequestState.PENDING;
        return new MemberCareItem(request.referenceId(), request.requestNumber(), request.state().memberCareStatus(),
                request.state().wire(), request.requestType().name(),
                request.baseType() == null ? null : request.baseType().name(),
                RequestCustomer.identifiers(request.requestType(), request.requestAttributes()),
                body.get("old_value"), body.get("new_value"), body.get("points"), body.get("series_id"),
                body.get("transaction_id"), body.get("old_type"), body.get("new_type"),
                adjusted == null ? null : adjusted.value(), request.reason(), body.get("comments"),
                decided ? request.comment() : null, approvalTypeOf(request), request.requesterId(),
                time(request.createdAt()), decided ? updatedBy(request) : null,
                decided ? time(request.updateTime()) : null, itemStatus);
    }

    /** An item refused: what was sent (the request's number, where it named one), and why not. */
    public static MemberCareItem refused(Long id, String referenceId, String type, String baseType,
                                         ItemStatus itemStatus) {
        return new MemberCareItem(referenceId, id, null, null, type, baseType, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, itemStatus);
    }

    /** Automatic approvals say why; a request a checker decided, or one still pending, says why a checker must. */
    private static ApprovalType approvalTypeOf(RequestView request) {
        return request.approvalType() != null ? request.approvalType()
                : ApprovalType.ofCheckerDecision(request.clientAutoApprove());
    }

    /** The checker who decided, or the maker who withdrew it; null when the service approved it by itself. */
    private static Long updatedBy(RequestView request) {
        if (request.checkerId() != null) {
            return request.checkerId();
        }
        return request.state() == RequestState.CANCELLED ? request.requesterId() : null;
    }

    public static String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis));
    }
}
