package com.requestworkflows.api.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The workflow event's wire format, checked against the reference's requestWorkflowEvent samples. */
class RequestWorkflowEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final long ORG = 0;
    private static final long MAKER = 232134;
    private static final long CHECKER = 233253;
    private static final String REQUEST_ID = "22e9f5f7-c1df-11ee-9641-7277dba3c6a7";
    private static final Instant SUBMITTED_AT = Instant.ofEpochMilli(1706887460576L);
    private static final Instant DECIDED_AT = Instant.ofEpochMilli(1706955529407L);
    private static final RequestAttributes ATTRIBUTES = new RequestAttributes(
            Map.of("identifierName", "mobile", "identifierValue", "919591399244"),
            Map.of("reason", "testing", "label", "Suspended"));

    /** The reference's pending CUSTOMER_STATUS_CHANGE event. */
    private static final String REFERENCE_SUBMISSION = """
            {"eventName": "requestWorkflowEvent",
             "eventId": "0df1a81f-b716-4ec0-b456-7ab5242c5ec8",
             "orgId": 0,
             "refId": "0_22e9f5f7-c1df-11ee-9641-7277dba3c6a7",
             "apiRequestId": "05be0e1bdf206764081e384573ada0dd",
             "createdAt": 1706887460576,
             "data": {
               "requestId": "22e9f5f7-c1df-11ee-9641-7277dba3c6a7",
               "requestType": "CUSTOMER_STATUS_CHANGE",
               "requesterId": 232134,
               "currentRequestState": "AdminTask",
               "updateTime": 1706887460576,
               "reason": "testing",
               "requestAttributes": {
                 "queryParams": {"source": "INSTORE", "accountId": "", "use_async": "false",
                                 "identifierName": "mobile", "identifierValue": "919591399244"},
                 "body": {"reason": "testing", "label": "Suspended"}}},
             "loyaltyEventId": null}
            """;

    /** The reference's approved GOODWILL_POINTS event. */
    private static final String REFERENCE_APPROVAL = """
            {"eventName": "requestWorkflowEvent",
             "eventId": "d2540d72-f62c-400e-ad2a-422e8c00f187",
             "orgId": 0,
             "refId": "0_f8a9bdd1-c280-11ee-bc64-7667ffaf5419",
             "apiRequestId": "3e55d72e08aa213da99ec29fcf218298",
             "createdAt": 1706957216875,
             "data": {
               "requestId": "f8a9bdd1-c280-11ee-bc64-7667ffaf5419",
               "requestType": "GOODWILL_POINTS",
               "requesterId": 232134,
               "checkerId": 233253,
               "currentRequestState": "approved",
               "previousRequestState": "AdminTask",
               "updateTime": 1706957216875,
               "comment": "approving the goodwill points request",
               "requestAttributes": {
                 "body": {"referenceId": "ref_id_12993141722", "reason": "reason", "baseType": "POINTS",
                          "programId": 2739, "awardingTillId": 50682616, "earningEntityType": "CUSTOMER",
                          "earningEntityId": 382332518, "points": 20, "source": "API"}}},
             "loyaltyEventId": null}
            """;

    private static RequestSubmittedEvent submission(String requestId, RequestType type, String reason,
                                                    RequestAttributes attributes) {
        return new RequestSubmittedEvent(requestId, ORG, MAKER, type, null, null, reason, attributes, 1L, null);
    }

    /** The trail of the pending status change, submitted at {@link #SUBMITTED_AT}. */
    private static WorkflowTrail pending() {
        return WorkflowTrail.START.next(submission(REQUEST_ID, RequestType.CUSTOMER_STATUS_CHANGE, "testing",
                ATTRIBUTES), "event-1", "api-1", SUBMITTED_AT).trail();
    }

    private static JsonNode serialized(RequestWorkflowEvent event) {
        try {
            return JSON.readTree(JSON.writeValueAsString(event));
        } catch (JsonProcessingException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** The reference form of the workflow event that {@code decision} of the pending request makes. */
    private static JsonNode decision(RequestEvent decision) {
        return serialized(pending().next(decision, "event-2", "api-2", DECIDED_AT).reference());
    }

    /** The reference sample's requestAttributes, as a client would have submitted them. */
    private static RequestAttributes attributesOf(String reference) throws JsonProcessingException {
        return JSON.treeToValue(JSON.readTree(reference).at("/data/requestAttributes"), RequestAttributes.class);
    }

    @Test
    void theSubmissionCarriesTheReasonButNoDecision() {
        JsonNode event = serialized(WorkflowTrail.START.next(submission(REQUEST_ID,
                RequestType.CUSTOMER_STATUS_CHANGE, "testing", ATTRIBUTES), "event-1", "api-1", SUBMITTED_AT)
                .reference());
        JsonNode data = event.get("data");

        assertThat(data.get("currentRequestState").asText()).isEqualTo("AdminTask");
        assertThat(data.get("reason").asText()).isEqualTo("testing");
        assertThat(data.has("checkerId")).isFalse();
        assertThat(data.has("comment")).isFalse();
        assertThat(data.has("previousRequestState")).isFalse();
        assertThat(data.has("approvalType")).isFalse();
        assertThat(data.has("baseType")).isFalse();
        assertThat(event.has("loyaltyEventId")).isTrue();
        assertThat(event.get("loyaltyEventId").isNull()).isTrue();
        assertThat(event.fieldNames()).toIterable().containsExactly("eventName", "eventId", "orgId", "refId",
                "apiRequestId", "createdAt", "data", "loyaltyEventId");
    }

    @Test
    void aCheckersDecisionNamesThePreviousStateTheCheckerAndTheCommentButNotTheReason() {
        JsonNode data = decision(RequestApprovedEvent.byChecker(REQUEST_ID, ORG, CHECKER,
                "approving the customer status request", false, null)).get("data");

        assertThat(data.get("currentRequestState").asText()).isEqualTo("approved");
        assertThat(data.get("previousRequestState").asText()).isEqualTo("AdminTask");
        assertThat(data.get("checkerId").asLong()).isEqualTo(CHECKER);
        assertThat(data.get("comment").asText()).isEqualTo("approving the customer status request");
        assertThat(data.get("updateTime").asLong()).isEqualTo(DECIDED_AT.toEpochMilli());
        assertThat(data.has("reason")).isFalse();
        assertThat(data.has("approvalType")).isFalse();
        assertThat(data.has("approvedValue")).isFalse();
    }

    @Test
    void anAdjustedApprovalShowsTheApprovedValue() {
        JsonNode data = decision(RequestApprovedEvent.byChecker(REQUEST_ID, ORG, CHECKER, "fewer", false,
                new Adjustment("points", 50))).get("data");

        assertThat(data.get("approvedValue").get("field").asText()).isEqualTo("points");
        assertThat(data.get("approvedValue").get("value").asInt()).isEqualTo(50);
    }

    @Test
    void anAutomaticApprovalSaysWhyAndHasNoChecker() {
        JsonNode data = decision(RequestApprovedEvent.automatically(REQUEST_ID, ORG, ApprovalType.CONFIG,
                "CUSTOMER_STATUS_CHANGE_AUTO_APPROVE", "Approved automatically", false)).get("data");

        assertThat(data.get("previousRequestState").asText()).isEqualTo("AdminTask");
        assertThat(data.get("approvalType").asText()).isEqualTo("CONFIG");
        assertThat(data.get("approvalRule").asText()).isEqualTo("CUSTOMER_STATUS_CHANGE_AUTO_APPROVE");
        assertThat(data.has("checkerId")).isFalse();
    }

    @Test
    void aWithdrawalHasNoChecker() {
        JsonNode data = decision(new RequestCancelledEvent(REQUEST_ID, ORG, MAKER, "raised by mistake")).get("data");

        assertThat(data.get("currentRequestState").asText()).isEqualTo("cancelled");
        assertThat(data.get("previousRequestState").asText()).isEqualTo("AdminTask");
        assertThat(data.get("comment").asText()).isEqualTo("raised by mistake");
        assertThat(data.has("checkerId")).isFalse();
    }

    /**
     * An approval carried out against the platform shows, in the reference form, only once the platform answered:
     * as the samples' failed event, from AdminTask, with the approval's checker, comment and API call. The detailed
     * form has a step per stage, with the execution.
     */
    @Test
    void anExecutedApprovalEndsFromAdminTaskWithTheApprovalsCallAndShowsItsStagesOnlyInDetail() {
        WorkflowTrail.Step approval = pending().next(RequestApprovedEvent.byChecker(REQUEST_ID, ORG, CHECKER,
                "approving the customer status request", true, null), "event-2", "api-approve", DECIDED_AT);
        ExecutionAttempt refused = new ExecutionAttempt(1, 422, "{\"code\":744}", null);
        Instant answeredAt = DECIDED_AT.plusSeconds(1);
        WorkflowTrail.Step outcome = approval.trail().next(new RequestExecutionFailedEvent(REQUEST_ID, ORG, 1,
                refused), "event-3", null, answeredAt);

        assertThat(approval.reference()).isNull();
        assertThat(approval.detailed().data().currentRequestState()).isEqualTo(RequestState.EXECUTING);
        assertThat(approval.detailed().data().execution()).isNotNull();
        JsonNode failed = serialized(outcome.reference());
        assertThat(failed.get("apiRequestId").asText()).isEqualTo("api-approve");
        assertThat(failed.get("eventId").asText()).isEqualTo("event-3");
        assertThat(failed.at("/data/currentRequestState").asText()).isEqualTo("failed");
        assertThat(failed.at("/data/previousRequestState").asText()).isEqualTo("AdminTask");
        assertThat(failed.at("/data/checkerId").asLong()).isEqualTo(CHECKER);
        assertThat(failed.at("/data/comment").asText()).isEqualTo("approving the customer status request");
        assertThat(failed.at("/data/updateTime").asLong()).isEqualTo(answeredAt.toEpochMilli());
        assertThat(failed.get("data").has("execution")).isFalse();
        assertThat(outcome.detailed().data().previousRequestState()).isEqualTo(RequestState.EXECUTING);
        assertThat(outcome.detailed().data().execution().lastAttempt()).isEqualTo(refused);
    }

    @Test
    void aNumberingChangesNoStateAndMakesNoWorkflowEvent() {
        WorkflowTrail.Step numbered = pending().next(new RequestNumberedEvent(REQUEST_ID, ORG, 77), "event-2", null,
                DECIDED_AT);

        assertThat(numbered.reference()).isNull();
        assertThat(numbered.detailed()).isNull();
        assertThat(numbered.trail().request().requestNumber()).isEqualTo(77);
        assertThat(numbered.trail().request().updateTime()).isEqualTo(SUBMITTED_AT.toEpochMilli());
    }

    @Test
    void aSubmissionMatchesTheReferenceSample() throws Exception {
        RequestWorkflowEvent event = WorkflowTrail.START.next(submission(REQUEST_ID,
                        RequestType.CUSTOMER_STATUS_CHANGE, "testing", attributesOf(REFERENCE_SUBMISSION)),
                "0df1a81f-b716-4ec0-b456-7ab5242c5ec8", "05be0e1bdf206764081e384573ada0dd", SUBMITTED_AT).reference();

        JSONAssert.assertEquals(REFERENCE_SUBMISSION, JSON.writeValueAsString(event), JSONCompareMode.STRICT);
    }

    @Test
    void anApprovalMatchesTheReferenceSample() throws Exception {
        String requestId = "f8a9bdd1-c280-11ee-bc64-7667ffaf5419";
        Instant approvedAt = Instant.ofEpochMilli(1706957216875L);
        WorkflowTrail submitted = WorkflowTrail.START.next(submission(requestId, RequestType.GOODWILL_POINTS, null,
                attributesOf(REFERENCE_APPROVAL)), "event-1", "api-1", Instant.ofEpochMilli(1706956970545L)).trail();

        RequestWorkflowEvent event = submitted.next(RequestApprovedEvent.byChecker(requestId, ORG, CHECKER,
                        "approving the goodwill points request", false, null),
                "d2540d72-f62c-400e-ad2a-422e8c00f187", "3e55d72e08aa213da99ec29fcf218298", approvedAt).reference();

        JSONAssert.assertEquals(REFERENCE_APPROVAL, JSON.writeValueAsString(event), JSONCompareMode.STRICT);
    }
}
