package com.requestworkflows.command.autoapproval;

import com.requestworkflows.api.autoapproval.AutoApprovalRuleChangedEvent;
import com.requestworkflows.api.autoapproval.ChangeAutoApprovalRuleCommand;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.requestworkflows.api.autoapproval.AutoApprovalRule.CI_EMAIL_AUTO_APPROVE;
import static com.requestworkflows.api.autoapproval.AutoApprovalRule.GOODWILL_POINTS_AUTO_APPROVE;
import static org.hamcrest.Matchers.equalTo;

class AutoApprovalPolicyTest {

    private static final long ORG = 0;
    private static final long ADMIN = 1001;
    private static final long OTHER_ADMIN = 1002;
    private static final String POLICY_ID = ChangeAutoApprovalRuleCommand.policyId(ORG);

    private AggregateTestFixture<AutoApprovalPolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AutoApprovalPolicy.class);
    }

    private static AutoApprovalRuleChangedEvent changed(boolean enabled, long changedBy) {
        return new AutoApprovalRuleChangedEvent(POLICY_ID, ORG, CI_EMAIL_AUTO_APPROVE, enabled, changedBy);
    }

    /** The one recorded event belongs to the org's policy and has the given place in its history. */
    private static Matcher<List<EventMessage<?>>> onlyEventOfPolicyAt(long sequenceNumber) {
        return new FeatureMatcher<List<EventMessage<?>>, List<String>>(
                equalTo(List.of(POLICY_ID + "#" + sequenceNumber)), "events at", "aggregate#sequence") {
            @Override
            protected List<String> featureValueOf(List<EventMessage<?>> events) {
                return events.stream()
                        .map(event -> (DomainEventMessage<?>) event)
                        .map(event -> event.getAggregateIdentifier() + "#" + event.getSequenceNumber())
                        .toList();
            }
        };
    }

    @Test
    void theFirstChangeOfAnOrgCreatesItsPolicy() {
        fixture.givenNoPriorActivity()
                .when(ChangeAutoApprovalRuleCommand.of(ORG, CI_EMAIL_AUTO_APPROVE, true, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(changed(true, ADMIN))
                .expectEventsMatching(onlyEventOfPolicyAt(0));
    }

    @Test
    void laterChangesAreRecordedOnTheSamePolicy() {
        fixture.given(changed(true, ADMIN))
                .when(ChangeAutoApprovalRuleCommand.of(ORG, CI_EMAIL_AUTO_APPROVE, false, OTHER_ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(changed(false, OTHER_ADMIN))
                .expectEventsMatching(onlyEventOfPolicyAt(1));
    }

    @Test
    void repeatingTheCurrentSettingIsStillRecordedForTheAudit() {
        fixture.given(changed(true, ADMIN))
                .when(ChangeAutoApprovalRuleCommand.of(ORG, CI_EMAIL_AUTO_APPROVE, true, OTHER_ADMIN))
                .expectEvents(changed(true, OTHER_ADMIN));
    }

    @Test
    void eachRuleChangeNamesItsRule() {
        fixture.given(changed(true, ADMIN))
                .when(ChangeAutoApprovalRuleCommand.of(ORG, GOODWILL_POINTS_AUTO_APPROVE, true, ADMIN))
                .expectEvents(new AutoApprovalRuleChangedEvent(POLICY_ID, ORG, GOODWILL_POINTS_AUTO_APPROVE, true,
                        ADMIN));
    }
}
