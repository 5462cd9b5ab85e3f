package com.requestworkflows.command.eventstore.upcasting;

import com.requestworkflows.api.request.RequestApprovedEvent;
import com.requestworkflows.api.request.RequestSubmittedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import java.util.HashMap;
import java.util.Map;

/**
 * Every change of a stored event's shape, oldest first. Spring beans, so Axon's Spring Boot auto-configuration adds
 * them to the event store's upcaster chain (in this order), which runs on every read of the store: aggregates,
 * event processors, rebuilds.
 */
@Configuration(proxyBeanMethods = false)
public class UpcasterConfiguration {

    private static final String[] FIRST_REVISION = {null, "1"};

    /** Revision 2 recorded whether an approval's action is carried out: those approved before never were. */
    @Bean
    @Order(1)
    FieldsAddedUpcaster approvalsBeforeExecution() {
        return new FieldsAddedUpcaster(RequestApprovedEvent.class, FIRST_REVISION, "2",
                Map.of("executionRequired", false));
    }

    /** Revision 3 recorded what a checker changed while approving: nothing, before. */
    @Bean
    @Order(2)
    FieldsAddedUpcaster approvalsBeforeAdjustments() {
        return new FieldsAddedUpcaster(RequestApprovedEvent.class, new String[]{"2"}, "3", nulls("adjustment"));
    }

    /**
     * Revision 2 numbered requests and recorded the submitter's word on automatic approval: requests submitted
     * before get their number later (a RequestNumberedEvent), and their submitters said nothing.
     */
    @Bean
    @Order(3)
    FieldsAddedUpcaster submissionsBeforeNumbers() {
        return new FieldsAddedUpcaster(RequestSubmittedEvent.class, FIRST_REVISION, "2",
                nulls("requestNumber", "clientAutoApprove"));
    }

    private static Map<String, Object> nulls(String... fields) {
        Map<String, Object> nulls = new HashMap<>();
        for (String field : fields) {
            nulls.put(field, null);
        }
        return nulls;
    }
}
