package org.pledge.platform.config;

import org.bson.Document;
import org.springframework.boot.actuate.autoconfigure.data.mongo.MongoHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * MongoDB health by {@code ping}: Spring Boot's indicator sends {@code hello}, which mongo-java-server does not know
 * (the service would report DOWN on the local stack and in CI). {@code ping} answers on both.
 */
@AutoConfiguration(before = MongoHealthContributorAutoConfiguration.class, after = MongoDataAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(MongoDatabaseFactory.class)
public class MongoPingHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = {"mongoHealthIndicator", "mongoHealthContributor"})
    public HealthIndicator mongoHealthIndicator(MongoDatabaseFactory mongo) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                Document result = mongo.getMongoDatabase().runCommand(new Document("ping", 1));
                builder.up().withDetail("ping", result.get("ok"));
            }
        };
    }
}
