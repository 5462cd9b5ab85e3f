package com.requestworkflows.health;

import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
public class ViewStoreHealthConfiguration {

    /**
     * Replaces Boot's MongoDB health check (by its bean name), which sends {@code hello}: a command that
     * MongoDB-compatible servers such as the embedded one do not know. {@code ping} works on all of them.
     */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return () -> {
            mongo.executeCommand(new Document("ping", 1));
            return Health.up().build();
        };
    }
}
