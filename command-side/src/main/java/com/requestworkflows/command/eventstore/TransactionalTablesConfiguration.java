package com.requestworkflows.command.eventstore;

import com.requestworkflows.command.autoapproval.AutoApprovalRuleTable;
import com.requestworkflows.command.duplicatepending.PendingRequestKeyTable;
import com.requestworkflows.command.execution.ExecutionSchedule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.List;

/**
 * The command side's tables that must change in the very transaction of the events they follow (the org's rules,
 * the execution schedule, the keys of pending requests): a subscribing processor does that, and propagating its errors makes a failure undo the
 * command instead of leaving the table behind.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class TransactionalTablesConfiguration {

    private static final List<String> TRANSACTIONAL_TABLES = List.of(AutoApprovalRuleTable.PROCESSING_GROUP,
            ExecutionSchedule.PROCESSING_GROUP, PendingRequestKeyTable.PROCESSING_GROUP);

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        TRANSACTIONAL_TABLES.forEach(group -> processing.registerSubscribingEventProcessor(group)
                .registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance()));
    }
}
