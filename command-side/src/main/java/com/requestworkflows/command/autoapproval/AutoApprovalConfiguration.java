package com.requestworkflows.command.autoapproval;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AutoApprovalConfiguration {

    /**
     * The rule table must change in the transaction of the rule's event, and a failure must undo the command:
     * a subscribing processor that propagates errors does both.
     */
    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(AutoApprovalRuleTable.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(AutoApprovalRuleTable.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
