package com.requestworkflows.query.projection;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Wires the view processors: each flushes the view store before its token moves on, and retries what fails. */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    /** The processing groups of all MongoDB views; each can be replayed on its own. */
    public static final String REQUEST_VIEW = "request-view";
    public static final String TASK_INBOX = "task-inbox";
    public static final String REQUEST_HISTORY = "request-history";
    public static final String AUDIT_LOG = "audit-log";
    public static final String REQUEST_FACTS = "request-facts";
    public static final List<String> VIEW_PROCESSORS =
            List.of(REQUEST_VIEW, TASK_INBOX, REQUEST_HISTORY, AUDIT_LOG, REQUEST_FACTS);

    /**
     * A batch that fails (the view store is unreachable, say) is tried again, from the same events, until it goes
     * through: Axon's default would log the failure and move on, and the view would lack that change for good.
     */
    @Autowired
    void configure(EventProcessingConfigurer processing, IdempotentViewWriter writer,
                   ObjectProvider<ViewStoreFlush> flush) {
        ViewStoreFlush viewStoreFlush = flush.getIfAvailable(() -> () -> { });
        VIEW_PROCESSORS.forEach(group -> processing
                .registerHandlerInterceptor(group, configuration -> new FlushBeforeTokenInterceptor(writer,
                        viewStoreFlush))
                .registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance()));
    }

    /**
     * Keeps a batch's view writes until the batch's prepare-commit phase, then writes them in bulk and flushes the
     * view store: all before its token's transaction commits.
     */
    static final class FlushBeforeTokenInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

        private static final String REGISTERED = FlushBeforeTokenInterceptor.class.getName();

        private final IdempotentViewWriter writer;
        private final ViewStoreFlush flush;

        FlushBeforeTokenInterceptor(IdempotentViewWriter writer, ViewStoreFlush flush) {
            this.writer = writer;
            this.flush = flush;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            if (unitOfWork.resources().putIfAbsent(REGISTERED, Boolean.TRUE) == null) {
                Runnable writeBatch = writer.bufferBatch(unitOfWork);
                unitOfWork.onPrepareCommit(batch -> {
                    writeBatch.run();
                    flush.flush();
                });
            }
            return chain.proceed();
        }
    }
}
