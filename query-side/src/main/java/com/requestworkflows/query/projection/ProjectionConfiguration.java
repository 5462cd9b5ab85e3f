package com.requestworkflows.query.projection;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

/**
 * Wires the views' processor: each batch reads the documents it needs at its start, writes its changes in bulk at
 * its end and flushes the view store, all before its token moves on; a batch that fails is tried again.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    /** The processing group of the views (see {@link RequestViews}). */
    public static final String VIEWS = "views";

    /**
     * A batch that fails (the view store is unreachable, say) is tried again, from the same events, until it goes
     * through: Axon's default would log the failure and move on, and the views would lack that change for good.
     */
    @Autowired
    void configure(EventProcessingConfigurer processing, MongoTemplate mongo, ObjectProvider<ViewStoreFlush> flush) {
        ViewStoreFlush viewStoreFlush = flush.getIfAvailable(() -> () -> { });
        processing.registerHandlerInterceptor(VIEWS, configuration -> new BatchWritesInterceptor(mongo, viewStoreFlush))
                .registerListenerInvocationErrorHandler(VIEWS, configuration -> PropagatingErrorHandler.instance());
    }

    /** Opens a batch's {@link ViewWrites} at its first event and writes them in its prepare-commit phase. */
    static final class BatchWritesInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

        private final MongoTemplate mongo;
        private final ViewStoreFlush flush;

        BatchWritesInterceptor(MongoTemplate mongo, ViewStoreFlush flush) {
            this.mongo = mongo;
            this.flush = flush;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            if (!ViewWrites.isOpenIn(unitOfWork)) {
                ViewWrites writes = ViewWrites.openBatch(unitOfWork, mongo);
                writes.preload(changedRequests(unitOfWork.root()));
                unitOfWork.root().onPrepareCommit(batch -> {
                    writes.flush();
                    flush.flush();
                });
            }
            return chain.proceed();
        }

        /** The requests whose documents the batch's events change (a submission creates its own). */
        private static List<String> changedRequests(UnitOfWork<?> batch) {
            if (!(batch instanceof BatchingUnitOfWork<?> events)) {
                return List.of();
            }
            return events.getMessages().stream()
                    .filter(message -> message instanceof DomainEventMessage<?> domain
                            && domain.getSequenceNumber() > 0)
                    .map(message -> ((DomainEventMessage<?>) message).getAggregateIdentifier())
                    .toList();
        }
    }
}
