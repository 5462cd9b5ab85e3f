package com.requestworkflows.embedded;

import com.mongodb.ConnectionString;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The embedded default for the views, used whenever no MongoDB is configured ({@code spring.data.mongodb.uri} or
 * {@code .host}): an {@link EmbeddedViewStore} in {@code views.mv.db} under {@code requests.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMongoConfiguration.NoMongoConfigured.class)
public class EmbeddedMongoConfiguration {

    @Bean
    EmbeddedViewStore embeddedViewStore(@Value("${requests.data-dir}") Path dataDirectory) throws IOException {
        return new EmbeddedViewStore(dataDirectory.resolve("views.mv.db"));
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedViewStore embeddedViewStore) {
        ConnectionString connection = embeddedViewStore.connectionString("requests");
        return () -> connection;
    }

    static class NoMongoConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.data.mongodb.uri")
                    && !context.getEnvironment().containsProperty("spring.data.mongodb.host");
        }
    }
}
