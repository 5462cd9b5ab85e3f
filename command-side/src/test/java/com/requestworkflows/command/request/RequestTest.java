package com.requestworkflows.command.request;

import com.requestworkflows.api.autoapproval.AutoApprovalRule;
import com.requestworkflows.api.error.DuplicatePendingRequestException;
import com.requestworkflows.api.error.DuplicateReferenceIdException;
import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.error.NotRequesterException;
import com.requestworkflows.api.error.RequestNotFoundException;
import com.requestworkflows.api.error.RequestNotPendingException;
import com.requestworkflows.api.error.SameUserException;
import com.requestworkflows.api.request.Adjustment;
import com.requestworkflows.api.request.ApprovalType;
import com.requestworkflows.api.request.ApproveRequestCommand;
import com.requestworkflows.api.request.BaseType;
import com.requestworkflows.api.request.CancelRequestCommand;
import com.requestworkflows.api.request.NumberRequestCommand;
import com.requestworkflows.api.request.RejectRequestCommand;
import com.requestworkflows.api.request.RequestApprovedEvent;
import com.requestworkflows.api.request.RequestAttributes;
import com.requestworkflows.api.request.RequestCancelledEvent;
import com.requestworkflows.api.request.RequestNumberedEvent;
import com.requestworkflows.api.request.RequestRejectedEvent;
import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestSubmittedEvent;
import com.requestworkflows.api.request.RequestType;
import com.requestworkflows.api.request.RequestView;
import com.requestworkflows.command.autoapproval.AutoApprovalRules;
import com.requestworkflows.command.execution.ExecutionProperties;
import com.requestworkflows.command.execution.ExecutionTargets;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static com.requestworkflows.api.request.BaseType.COUPONS;
import static com.requestworkflows.api.request.BaseType.EMAIL;
import static com.requestworkflows.api.request.BaseType.MERGE;
import static com.requestworkflows.api.request.BaseType.MOBILE;
import static com.requestworkflows.api.request.BaseType.POINTS;
import static com.requestworkflows.api.request.BaseType.RETRO;
import static com.requestworkflows.api.request.RequestType.CHANGE_IDENTIFIER;
import static com.requestworkflows.api.request.RequestType.CUSTOMER_STATUS_CHANGE;
import static com.requestworkflows.api.request.RequestType.EARN_BADGE;
import static com.requestworkflows.api.request.RequestType.GOODWILL;
import static com.requestworkflows.api.request.RequestType.GOODWILL_POINTS;
import static com.requestworkflows.api.request.RequestType.ISSUE_BADGE;
import static com.requestworkflows.api.request.RequestType.POINTS_REDEMPTION;
import static com.requestworkflows.api.request.RequestType.TRANSACTION_UPDATE;
import static com.requestworkflows.command.request.AssertingMatcher.eventPayloads;
import static com.requestworkflows.command.request.AssertingMatcher.satisfying;
import static com.requestworkflows.command.request.Submission.MAKER;
import static com.requestworkflows.command.request.Submission.ORG;
import static com.requestworkflows.command.request.Submission.REQUEST_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The request lifecycle as a maker and a checker see it: submit (with validation and auto-approval), decide, withdraw. */
class RequestTest {

    private static final long OTHER_ORG = 7;
    private static final long CHECKER = 233253;
    private static final String OTHER_REQUEST_ID = "2c8e9324-c1d5-11ee-9641-7277dba3c6a7";
    private static final String REFERENCE_ID = "ACR-58392150333121";
    private static final String COMMENT = "approving the points redemption request";

    private final InMemoryReferenceIdRegistry referenceIds = new InMemoryReferenceIdRegistry();
    private final InMemoryRequestNumbers numbers = new InMemoryRequestNumbers();
    private final Map<Long, Set<AutoApprovalRule>> enabledRules = new HashMap<>();
    private AggregateTestFixture<Request> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Request.class);
        AutoApprovalRules rules = orgId -> enabledRules.getOrDefault(orgId, EnumSet.noneOf(AutoApprovalRule.class));
        ExecutionTargets noTargets = new ExecutionTargets(new ExecutionProperties(Map.of(), null, null, null, null,
                null, null, null));
        fixture.registerInjectableResource(noTargets);
        fixture.registerInjectableResource(numbers);
        fixture.registerAnnotatedCommandHandler(new RequestSubmissionHandler(fixture.getRepository(),
                InMemoryClaims.of(referenceIds, numbers), rules, noTargets));
    }

    private void enable(long orgId, AutoApprovalRule... rules) {
        enabledRules.computeIfAbsent(orgId, org -> EnumSet.noneOf(AutoApprovalRule.class)).addAll(List.of(rules));
    }

    private static Submission pointsRedemption() {
        return Submission.of(POINTS_REDEMPTION);
    }

    private static Matcher<RequestView> view(Consumer<RequestView> assertions) {
        return satisfying(RequestView.class, assertions);
    }

    private static Matcher<InvalidRequestException> invalidField(String field) {
        return satisfying(InvalidRequestException.class, refusal -> assertThat(refusal.field()).isEqualTo(field));
    }

    private long now() {
        return fixture.currentTime().toEpochMilli();
    }

    @Nested
    class Submitting {

        @Test
        void recordsOnlyTheSubmissionAndAnswersWithThePendingRequest() {
            Submission submission = pointsRedemption().referenceId(REFERENCE_ID).reason("customer called");

            fixture.givenNoPriorActivity()
                    .when(submission.command())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(submission.submitted())
                    .expectResultMessagePayloadMatching(view(view -> {
                        assertThat(view.requestId()).isEqualTo(REQUEST_ID);
                        assertThat(view.refId()).isEqualTo(ORG + "_" + REQUEST_ID);
                        assertThat(view.orgId()).isEqualTo(ORG);
                        assertThat(view.state()).isEqualTo(RequestState.PENDING);
                        assertThat(view.requestType()).isEqualTo(POINTS_REDEMPTION);
                        assertThat(view.requesterId()).isEqualTo(MAKER);
                        assertThat(view.referenceId()).isEqualTo(REFERENCE_ID);
                        assertThat(view.reason()).isEqualTo("customer called");
                        assertThat(view.checkerId()).isNull();
                        assertThat(view.approvalType()).isNull();
                        assertThat(view.createdAt()).isEqualTo(now()).isEqualTo(view.updateTime());
                        assertThat(view.requestAttributes()).isEqualTo(submission.submitted().requestAttributes());
                    }));
        }
    }

    @Nested
    class AutoApproval {

        private Matcher<List<EventMessage<?>>> submittedThenApproved(Submission submission, ApprovalType type,
                                                                     String rule) {
            return eventPayloads(payloads -> assertThat(payloads).satisfiesExactly(
                    first -> assertThat(first).isEqualTo(submission.submitted()),
                    second -> assertThat(second).isInstanceOfSatisfying(RequestApprovedEvent.class, approved -> {
                        assertThat(approved.requestId()).isEqualTo(submission.requestId());
                        assertThat(approved.orgId()).isEqualTo(submission.orgId());
                        assertThat(approved.checkerId()).isNull();
                        assertThat(approved.approvalType()).isEqualTo(type);
                        assertThat(approved.approvalRule()).isEqualTo(rule);
                        assertThat(approved.comment()).isNotBlank();
                    })));
        }

        private Matcher<RequestView> approvedView(ApprovalType type, String rule) {
            return view(view -> {
                assertThat(view.state()).isEqualTo(RequestState.APPROVED);
                assertThat(view.checkerId()).isNull();
                assertThat(view.approvalType()).isEqualTo(type);
                assertThat(view.approvalRule()).isEqualTo(rule);
            });
        }

        private void expectPendingOnly(Submission submission) {
            fixture.givenNoPriorActivity()
                    .when(submission.command())
                    .expectEvents(submission.submitted())
                    .expectResultMessagePayloadMatching(view(view ->
                            assertThat(view.state()).isEqualTo(RequestState.PENDING)));
        }

        @Test
        void clientAutoApproveApprovesAtOnceWithoutAChecker() {
            Submission submission = pointsRedemption().clientAutoApprove();

            fixture.givenNoPriorActivity()
                    .when(submission.command())
                    .expectEventsMatching(submittedThenApproved(submission, ApprovalType.CLIENT, null))
                    .expectResultMessagePayloadMatching(approvedView(ApprovalType.CLIENT, null));
        }

        @Test
        void clientAutoApproveOverridesTheOrgsRules() {
            enable(ORG, AutoApprovalRule.POINTS_REDEMPTION_AUTO_APPROVE);
            Submission submission = pointsRedemption().clientAutoApprove();

            fixture.givenNoPriorActivity()
                    .when(submission.command())
                    .expectEventsMatching(submittedThenApproved(submission, ApprovalType.CLIENT, null));
        }

        @Test
        void anEnabledIdentifierRuleApprovesItsBaseType() {
            enable(ORG, AutoApprovalRule.CI_EMAIL_AUTO_APPROVE);
            Submission submission = Submission.of(CHANGE_IDENTIFIER, EMAIL);

            fixture.givenNoPriorActivity()
                    .when(submission.command())
                    .expectEventsMatching(submittedThenApproved(submission, ApprovalType.CONFIG,
                            "CI_EMAIL_AUTO_APPROVE"))
                    .expectResultMessagePayloadMatching(approvedView(ApprovalType.CONFIG, "CI_EMAIL_AUTO_APPROVE"));
        }

        @Test
        void anIdentifierRuleLeavesOtherBaseTypesPending() {
            enable(ORG, AutoApprovalRule.CI_EMAIL_AUTO_APPROVE);

            expectPendingOnly(Submission.of(CHANGE_IDENTIFIER, MOBILE));
        }

        @Test
        void aTypeRuleApprovesEveryRequestOfItsType() {
            enable(ORG, AutoApprovalRule.GOODWILL_POINTS_AUTO_APPROVE);
            Submission submission = Submission.of(GOODWILL_POINTS);

            fixture.givenNoPriorActivity()
                    .when(submission.command())
                    .expectEventsMatching(submittedThenApproved(submission, ApprovalType.CONFIG,
                            "GOODWILL_POINTS_AUTO_APPROVE"));
        }

        @Test
        void aTypeRuleLeavesOtherTypesPending() {
            enable(ORG, AutoApprovalRule.GOODWILL_POINTS_AUTO_APPROVE);

            expectPendingOnly(Submission.of(GOODWILL, POINTS));
        }

        @Test
        void aClientsExplicitNoKeepsTheRequestForACheckerWhateverTheRules() {
            enable(ORG, AutoApprovalRule.CI_EMAIL_AUTO_APPROVE);

            expectPendingOnly(Submission.of(CHANGE_IDENTIFIER, EMAIL).clientAutoApprove(false));
        }

        @Test
        void anotherOrgsRuleDoesNotApply() {
            enable(OTHER_ORG, AutoApprovalRule.CI_EMAIL_AUTO_APPROVE, AutoApprovalRule.GOODWILL_POINTS_AUTO_APPROVE);

            expectPendingOnly(Submission.of(CHANGE_IDENTIFIER, EMAIL));
        }
    }

    @Nested
    class Deciding {

        private final Submission pending = pointsRedemption();

        @Test
        void anotherCheckerApproves() {
            fixture.given(pending.submitted())
                    .when(new ApproveRequestCommand(REQUEST_ID, ORG, CHECKER, COMMENT))
                    .expectEvents(RequestApprovedEvent.byChecker(REQUEST_ID, ORG, CHECKER, COMMENT, false, null))
                    .expectResultMessagePayloadMatching(view(view -> {
                        assertThat(view.state()).isEqualTo(RequestState.APPROVED);
                        assertThat(view.checkerId()).isEqualTo(CHECKER);
                        assertThat(view.comment()).isEqualTo(COMMENT);
                        assertThat(view.approvalType()).isNull();
                        assertThat(view.approvalRule()).isNull();
                        assertThat(view.requesterId()).isEqualTo(MAKER);
                    }));
        }

        @Test
        void theRequesterCannotApproveTheirOwnRequest() {
            fixture.given(pending.submitted())
                    .when(new ApproveRequestCommand(REQUEST_ID, ORG, MAKER, COMMENT))
                    .expectException(SameUserException.class)
                    .expectNoEvents();
        }

        @Test
        void theRequesterCannotRejectTheirOwnRequest() {
            fixture.given(pending.submitted())
                    .when(new RejectRequestCommand(REQUEST_ID, ORG, MAKER, "no"))
                    .expectException(SameUserException.class)
                    .expectNoEvents();
        }

        @Test
        void anotherCheckerRejectsWithAComment() {
            fixture.given(pending.submitted())
                    .when(new RejectRequestCommand(REQUEST_ID, ORG, CHECKER, "rejecting the points redemption request"))
                    .expectEvents(new RequestRejectedEvent(REQUEST_ID, ORG, CHECKER,
                            "rejecting the points redemption request"))
                    .expectResultMessagePayloadMatching(view(view -> {
                        assertThat(view.state()).isEqualTo(RequestState.REJECTED);
                        assertThat(view.checkerId()).isEqualTo(CHECKER);
                        assertThat(view.comment()).isEqualTo("rejecting the points redemption request");
                    }));
        }

        @ParameterizedTest(name = "comment \"{0}\"")
        @NullSource
        @ValueSource(strings = {"", "   "})
        void aRejectionNeedsAComment(String comment) {
            fixture.given(pending.submitted())
                    .when(new RejectRequestCommand(REQUEST_ID, ORG, CHECKER, comment))
                    .expectException(invalidField("comment"))
                    .expectNoEvents();
        }

        @Test
        void theRequesterWithdrawsTheirPendingRequest() {
            fixture.given(pending.submitted())
                    .when(new CancelRequestCommand(REQUEST_ID, ORG, MAKER, "raised by mistake"))
                    .expectEvents(new RequestCancelledEvent(REQUEST_ID, ORG, MAKER, "raised by mistake"))
                    .expectResultMessagePayloadMatching(view(view -> {
                        assertThat(view.state()).isEqualTo(RequestState.CANCELLED);
                        assertThat(view.checkerId()).isNull();
                        assertThat(view.comment()).isEqualTo("raised by mistake");
                    }));
        }

        @Test
        void onlyTheRequesterCanWithdraw() {
            fixture.given(pending.submitted())
                    .when(new CancelRequestCommand(REQUEST_ID, ORG, CHECKER, null))
                    .expectException(NotRequesterException.class)
                    .expectNoEvents();
        }

        static Stream<Arguments> terminalHistoriesAndCommands() {
            List<Arguments> combinations = new ArrayList<>();
            for (Arguments history : terminalHistories()) {
                for (Object command : List.of(
                        named("approve", new ApproveRequestCommand(REQUEST_ID, ORG, CHECKER, COMMENT)),
                        named("reject", new RejectRequestCommand(REQUEST_ID, ORG, CHECKER, "too late")),
                        named("cancel", new CancelRequestCommand(REQUEST_ID, ORG, MAKER, null)))) {
                    Object[] values = history.get();
                    combinations.add(arguments(values[0], values[1], command));
                }
            }
            return combinations.stream();
        }

        private static List<Arguments> terminalHistories() {
            return List.of(
                    arguments(named("approved by a checker",
                            RequestApprovedEvent.byChecker(REQUEST_ID, ORG, CHECKER, COMMENT, false, null)), "approved"),
                    arguments(named("approved by a rule", RequestApprovedEvent.automatically(REQUEST_ID, ORG,
                            ApprovalType.CONFIG, "POINTS_REDEMPTION_AUTO_APPROVE", "rule", false)), "approved"),
                    arguments(named("rejected", new RequestRejectedEvent(REQUEST_ID, ORG, CHECKER, "no")), "rejected"),
                    arguments(named("cancelled", new RequestCancelledEvent(REQUEST_ID, ORG, MAKER, null)), "cancelled"));
        }

        @ParameterizedTest(name = "{0}, then {2}")
        @MethodSource("terminalHistoriesAndCommands")
        void aDecidedRequestNeverChangesAgain(Object decision, String state, Object command) {
            fixture.given(pending.submitted(), decision)
                    .when(command)
                    .expectException(satisfying(RequestNotPendingException.class, refusal ->
                            assertThat(refusal.properties()).containsEntry("state", state)))
                    .expectNoEvents();
        }

        static Stream<Object> commandsFromAnotherOrg() {
            return Stream.of(
                    named("approve", new ApproveRequestCommand(REQUEST_ID, OTHER_ORG, CHECKER, COMMENT)),
                    named("reject", new RejectRequestCommand(REQUEST_ID, OTHER_ORG, CHECKER, "no")),
                    named("cancel", new CancelRequestCommand(REQUEST_ID, OTHER_ORG, MAKER, null)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("commandsFromAnotherOrg")
        void anotherOrgCannotSeeThePendingRequest(Object command) {
            fixture.given(pending.submitted())
                    .when(command)
                    .expectException(RequestNotFoundException.class)
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("commandsFromAnotherOrg")
        void anotherOrgDoesNotLearnThatARequestWasDecided(Object command) {
            fixture.given(pending.submitted(), new RequestRejectedEvent(REQUEST_ID, ORG, CHECKER, "no"))
                    .when(command)
                    .expectException(RequestNotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void approvingAnUnknownRequestFailsAsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(new ApproveRequestCommand("no-such-request", ORG, CHECKER, COMMENT))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ReferenceIds {

        @Test
        void aSubmissionClaimsItsReferenceIdForItsOrg() {
            fixture.givenNoPriorActivity()
                    .when(pointsRedemption().referenceId(REFERENCE_ID).command())
                    .expectSuccessfulHandlerExecution();

            assertThat(referenceIds.holderOf(ORG, REFERENCE_ID)).contains(REQUEST_ID);
        }

        @Test
        void aReferenceIdCanBeUsedOnlyOncePerOrg() {
            fixture.givenCommands(pointsRedemption().referenceId(REFERENCE_ID).command())
                    .when(pointsRedemption().id(OTHER_REQUEST_ID).referenceId(REFERENCE_ID).command())
                    .expectException(satisfying(DuplicateReferenceIdException.class, duplicate -> {
                        assertThat(duplicate.orgId()).isEqualTo(ORG);
                        assertThat(duplicate.referenceId()).isEqualTo(REFERENCE_ID);
                    }))
                    .expectNoEvents();
        }

        @Test
        void anotherOrgMayUseTheSameReferenceId() {
            referenceIds.claim(ORG, REFERENCE_ID, REQUEST_ID);
            Submission submission = pointsRedemption().id(OTHER_REQUEST_ID).org(OTHER_ORG).referenceId(REFERENCE_ID);

            fixture.givenNoPriorActivity()
                    .when(submission.command())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(submission.submitted());
        }

        @Test
        void aRefusedSubmissionDoesNotUseUpItsReferenceId() {
            RequestAttributes invalid = ReferencePayloads.validWith(POINTS_REDEMPTION, null,
                    "requestAttributes.body.root.redeem.points_redeemed", "abc");

            fixture.givenNoPriorActivity()
                    .when(pointsRedemption().referenceId(REFERENCE_ID).attributes(invalid).command())
                    .expectException(InvalidRequestException.class);

            assertThat(referenceIds.holderOf(ORG, REFERENCE_ID)).isEmpty();
        }
    }

    @Nested
    class Validation {

        private static final String REDEEM = "requestAttributes.body.root.redeem";
        private static final String BODY = "requestAttributes.body";
        private static final String QUERY = "requestAttributes.queryParams";

        static Stream<Arguments> referenceSamples() {
            return Stream.of(
                    arguments(POINTS_REDEMPTION, null),
                    arguments(CUSTOMER_STATUS_CHANGE, null),
                    arguments(GOODWILL_POINTS, null),
                    arguments(EARN_BADGE, null),
                    arguments(ISSUE_BADGE, null),
                    arguments(CHANGE_IDENTIFIER, EMAIL),
                    arguments(CHANGE_IDENTIFIER, MERGE),
                    arguments(TRANSACTION_UPDATE, RETRO),
                    arguments(GOODWILL, POINTS),
                    arguments(GOODWILL, COUPONS));
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("referenceSamples")
        void acceptsTheReferenceSample(RequestType type, BaseType baseType) {
            expectAccepted(Submission.of(type, baseType));
        }

        static Stream<Arguments> acceptedVariants() {
            return Stream.of(
                    arguments(POINTS_REDEMPTION, null, REDEEM + ".points_redeemed", 100),
                    arguments(POINTS_REDEMPTION, null, REDEEM + ".points_redeemed", " 250 "),
                    arguments(POINTS_REDEMPTION, null, REDEEM + ".customer", Map.of("email", "a@example.com")),
                    arguments(POINTS_REDEMPTION, null, REDEEM + ".customer", Map.of("external_id", "ext-1")),
                    arguments(POINTS_REDEMPTION, null, REDEEM + ".customer", Map.of("id", 382332518)),
                    arguments(GOODWILL_POINTS, null, BODY + ".points", "20"),
                    arguments(ISSUE_BADGE, null, BODY + ".customers", List.of(113460811, "382477526")),
                    arguments(CHANGE_IDENTIFIER, MERGE, BODY + ".new_value", null),
                    arguments(GOODWILL, COUPONS, BODY + ".points", null),
                    arguments(GOODWILL, POINTS, BODY + ".series_id", null));
        }

        @ParameterizedTest(name = "{0} {1} with {2} = {3}")
        @MethodSource("acceptedVariants")
        void acceptsVariantsOfTheSample(RequestType type, BaseType baseType, String path, Object value) {
            expectAccepted(Submission.of(type, baseType)
                    .attributes(ReferencePayloads.validWith(type, baseType, path, value)));
        }

        private void expectAccepted(Submission submission) {
            fixture.givenNoPriorActivity()
                    .when(submission.command())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(submission.submitted());
        }

        static Stream<Arguments> refusals() {
            return Stream.of(
                    refused(POINTS_REDEMPTION, null, REDEEM + ".points_redeemed", "abc"),
                    refused(POINTS_REDEMPTION, null, REDEEM + ".points_redeemed", 0),
                    refused(POINTS_REDEMPTION, null, REDEEM + ".points_redeemed", "0"),
                    refused(POINTS_REDEMPTION, null, REDEEM + ".points_redeemed", -5),
                    refused(POINTS_REDEMPTION, null, REDEEM + ".points_redeemed", "-5"),
                    refused(POINTS_REDEMPTION, null, REDEEM + ".points_redeemed", 1.5),
                    refused(POINTS_REDEMPTION, null, REDEEM + ".points_redeemed", "1.5"),
                    refused(POINTS_REDEMPTION, null, REDEEM + ".points_redeemed", null),
                    refused(POINTS_REDEMPTION, null, REDEEM + ".customer", null),
                    refused(POINTS_REDEMPTION, null, REDEEM + ".customer", Map.of()),
                    refused(POINTS_REDEMPTION, null, REDEEM + ".customer", Map.of("mobile", " ")),
                    refused(POINTS_REDEMPTION, null, REDEEM + ".customer", Map.of("name", "Asha")),
                    refused(POINTS_REDEMPTION, null, REDEEM + ".customer", "9877792149"),
                    refused(POINTS_REDEMPTION, null, "requestAttributes.body.root.redeem", null),
                    refused(POINTS_REDEMPTION, null, "requestAttributes.body.root", null),
                    refused(POINTS_REDEMPTION, null, BODY, null),
                    refused(CUSTOMER_STATUS_CHANGE, null, QUERY + ".identifierName", null),
                    refused(CUSTOMER_STATUS_CHANGE, null, QUERY + ".identifierValue", ""),
                    refused(CUSTOMER_STATUS_CHANGE, null, BODY + ".label", null),
                    refused(CUSTOMER_STATUS_CHANGE, null, BODY + ".label", " "),
                    refused(CUSTOMER_STATUS_CHANGE, null, QUERY, null),
                    refused(GOODWILL_POINTS, null, BODY + ".points", null),
                    refused(GOODWILL_POINTS, null, BODY + ".points", 0),
                    refused(GOODWILL_POINTS, null, BODY + ".earningEntityType", null),
                    refused(GOODWILL_POINTS, null, BODY + ".earningEntityId", null),
                    refused(GOODWILL_POINTS, null, BODY + ".earningEntityId", ""),
                    refused(EARN_BADGE, null, BODY + ".customerId", null),
                    refused(EARN_BADGE, null, BODY + ".customerId", -1),
                    refused(EARN_BADGE, null, BODY + ".badgeMetaId", null),
                    refused(ISSUE_BADGE, null, BODY + ".customers", null),
                    refused(ISSUE_BADGE, null, BODY + ".customers", List.of()),
                    refused(ISSUE_BADGE, null, BODY + ".customers", 113460811),
                    refused(ISSUE_BADGE, null, BODY + ".customers", List.of(113460811, 0), BODY + ".customers[1]"),
                    refused(ISSUE_BADGE, null, BODY + ".customers", List.of("abc"), BODY + ".customers[0]"),
                    refused(ISSUE_BADGE, null, BODY + ".badgeMetaId", null),
                    refused(CHANGE_IDENTIFIER, EMAIL, BODY + ".customer", null),
                    refused(CHANGE_IDENTIFIER, EMAIL, BODY + ".new_value", null),
                    refused(CHANGE_IDENTIFIER, EMAIL, BODY + ".new_value", ""),
                    refused(CHANGE_IDENTIFIER, MERGE, BODY + ".target_customer", null),
                    refused(CHANGE_IDENTIFIER, MERGE, BODY + ".target_customer", Map.of()),
                    refused(TRANSACTION_UPDATE, RETRO, BODY + ".customer", null),
                    refused(TRANSACTION_UPDATE, RETRO, BODY + ".transaction_id", null),
                    refused(TRANSACTION_UPDATE, RETRO, BODY + ".new_type", null),
                    refused(GOODWILL, POINTS, BODY + ".customer", null),
                    refused(GOODWILL, POINTS, BODY + ".points", null),
                    refused(GOODWILL, COUPONS, BODY + ".series_id", null),
                    refused(GOODWILL, COUPONS, BODY + ".series_id", "SERIES-1"));
        }

        /** The valid sample with {@code path} set to {@code value} (removed when null) is refused at that path. */
        private static Arguments refused(RequestType type, BaseType baseType, String path, Object value) {
            return refused(type, baseType, path, value, path);
        }

        private static Arguments refused(RequestType type, BaseType baseType, String path, Object value,
                                         String refusedField) {
            return arguments(type, baseType, path, value, refusedField);
        }

        @ParameterizedTest(name = "{0} {1} with {2} = {3}")
        @MethodSource("refusals")
        void refusesAndNamesTheField(RequestType type, BaseType baseType, String path, Object value,
                                     String refusedField) {
            fixture.givenNoPriorActivity()
                    .when(Submission.of(type, baseType)
                            .attributes(ReferencePayloads.validWith(type, baseType, path, value))
                            .command())
                    .expectException(invalidField(refusedField))
                    .expectNoEvents();
        }

        @Test
        void refusesARequestWithoutAttributes() {
            fixture.givenNoPriorActivity()
                    .when(pointsRedemption().attributes(null).command())
                    .expectException(invalidField(BODY))
                    .expectNoEvents();
        }
    }

    @Nested
    class Adjusting {

        private static final long CHECKER_ID = CHECKER;

        private ApproveRequestCommand approveWith(Map<String, Object> adjustment) {
            return new ApproveRequestCommand(REQUEST_ID, ORG, CHECKER_ID, COMMENT, adjustment, Set.of());
        }

        @Test
        void aCheckerApprovesFewerGoodwillPointsThanAskedFor() {
            fixture.given(Submission.of(GOODWILL, POINTS).submitted())
                    .when(approveWith(Map.of("points", "50")))
                    .expectEvents(RequestApprovedEvent.byChecker(REQUEST_ID, ORG, CHECKER_ID, COMMENT, false,
                            new Adjustment("points", 50L)))
                    .expectResultMessagePayloadMatching(view(view ->
                            assertThat(view.approvedValue()).isEqualTo(new Adjustment("points", 50L))));
        }

        @Test
        void aCouponSeriesAndANewIdentifierCanBeChangedToo() {
            fixture.given(Submission.of(GOODWILL, COUPONS).submitted())
                    .when(approveWith(Map.of("series_id", 42)))
                    .expectEvents(RequestApprovedEvent.byChecker(REQUEST_ID, ORG, CHECKER_ID, COMMENT, false,
                            new Adjustment("series_id", 42L)));
            fixture.given(Submission.of(CHANGE_IDENTIFIER, EMAIL).submitted())
                    .when(approveWith(Map.of("new_value", " corrected@example.com ")))
                    .expectEvents(RequestApprovedEvent.byChecker(REQUEST_ID, ORG, CHECKER_ID, COMMENT, false,
                            new Adjustment("new_value", "corrected@example.com")));
        }

        @ParameterizedTest
        @MethodSource("refusedAdjustments")
        void anAdjustmentTheTypeDoesNotAllowIsRefusedAndNothingIsDecided(Submission submission,
                                                                         Map<String, Object> adjustment,
                                                                         String field, int code) {
            fixture.given(submission.submitted())
                    .when(approveWith(adjustment))
                    .expectNoEvents()
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString(field))
                    .expectException(satisfying(InvalidRequestException.class, refusal -> {
                        assertThat(refusal.field()).isEqualTo(field);
                        assertThat(refusal.code()).isEqualTo(code);
                    }));
        }

        static Stream<Arguments> refusedAdjustments() {
            return Stream.of(
                    arguments(named("a badge", Submission.of(EARN_BADGE)), Map.of("points", 5), "adjustment", 9014),
                    arguments(named("a merge", Submission.of(CHANGE_IDENTIFIER, MERGE)), Map.of("new_value", "x"),
                            "adjustment", 9014),
                    arguments(named("points for coupons", Submission.of(GOODWILL, COUPONS)), Map.of("points", 5),
                            "adjustment", 9014),
                    arguments(named("two values", Submission.of(GOODWILL, POINTS)),
                            Map.of("points", 5, "series_id", 1), "adjustment", 9014),
                    arguments(named("no points", Submission.of(GOODWILL, POINTS)), Map.of("points", 0),
                            "adjustment.points", 9014),
                    arguments(named("a bad series", Submission.of(GOODWILL, COUPONS)), Map.of("series_id", "x"),
                            "adjustment.series_id", 9017),
                    arguments(named("a blank value", Submission.of(CHANGE_IDENTIFIER, EMAIL)),
                            Map.of("new_value", " "), "adjustment.new_value", 9014));
        }
    }

    @Nested
    class Numbering {

        @Test
        void everySubmissionGetsTheNextNumber() {
            numbers.assign(ORG, OTHER_REQUEST_ID);

            fixture.givenNoPriorActivity()
                    .when(pointsRedemption().command())
                    .expectEvents(pointsRedemption().number(2).submitted())
                    .expectResultMessagePayloadMatching(view(view -> assertThat(view.requestNumber()).isEqualTo(2)));
        }

        @Test
        void aRequestSubmittedBeforeNumbersIsNumberedOnce() {
            RequestSubmittedEvent unnumbered = new RequestSubmittedEvent(REQUEST_ID, ORG, MAKER, EARN_BADGE, null,
                    null, null, ReferencePayloads.valid(EARN_BADGE, null), null, null);

            fixture.given(unnumbered)
                    .when(new NumberRequestCommand(REQUEST_ID))
                    .expectEvents(new RequestNumberedEvent(REQUEST_ID, ORG, 1))
                    .expectResultMessagePayloadMatching(view(view -> assertThat(view.requestNumber()).isEqualTo(1)));
            fixture.given(unnumbered, new RequestNumberedEvent(REQUEST_ID, ORG, 1))
                    .when(new NumberRequestCommand(REQUEST_ID))
                    .expectNoEvents();
        }
    }

    @Nested
    class DuplicatePending {

        private Submission emailChange(String id, String customerMobile, String newValue) {
            Map<String, Object> body = new HashMap<>();
            body.put("customer", Map.of("mobile", customerMobile));
            body.put("new_value", newValue);
            return Submission.of(CHANGE_IDENTIFIER, EMAIL).id(id).attributes(new RequestAttributes(null, body));
        }

        @Test
        void theSameIdentifierChangeForTheSameCustomerIsRefusedWhileTheFirstIsPending() {
            fixture.givenCommands(emailChange(REQUEST_ID, "919591399244", "new@example.com").command())
                    .when(emailChange(OTHER_REQUEST_ID, " 919591399244", "NEW@example.com").command())
                    .expectNoEvents()
                    .expectException(satisfying(DuplicatePendingRequestException.class, refusal -> {
                        assertThat(refusal.pendingRequestId()).isEqualTo(REQUEST_ID);
                        assertThat(refusal.code()).isEqualTo(9102);
                    }));
        }

        @Test
        void anotherNewValueOrAnotherCustomerIsAnotherChange() {
            fixture.givenNoPriorActivity().when(emailChange(REQUEST_ID, "919591399244", "new@example.com").command());

            fixture.givenNoPriorActivity()
                    .when(emailChange(OTHER_REQUEST_ID, "919591399244", "other@example.com").command())
                    .expectSuccessfulHandlerExecution();
            fixture.givenNoPriorActivity()
                    .when(emailChange("3c8e9324-c1d5-11ee-9641-7277dba3c6a7", "910000000000", "new@example.com")
                            .command())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void otherTypesAreNotCoveredByDefault() {
            fixture.givenNoPriorActivity().when(Submission.of(GOODWILL, POINTS).command());

            fixture.givenNoPriorActivity()
                    .when(Submission.of(GOODWILL, POINTS).id(OTHER_REQUEST_ID).command())
                    .expectSuccessfulHandlerExecution();
        }
    }
}
