package org.pledge.platform.messaging.consume;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The connection settings of the Spring Cloud Stream Kafka binder ({@code spring.cloud.stream.kafka.binder.brokers}
 * and {@code .configuration.*}, falling back to {@code spring.kafka.bootstrap-servers}), for the few plain Kafka
 * clients the platform opens itself (dead-letter replay).
 */
public record KafkaClientSettings(String bootstrapServers, Map<String, String> configuration) {

    public static KafkaClientSettings from(Environment environment) {
        Binder binder = Binder.get(environment);
        String servers = binder.bind("spring.cloud.stream.kafka.binder.brokers", Bindable.listOf(String.class))
                .map(list -> String.join(",", list))
                .orElseGet(() -> binder.bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
                        .map(list -> String.join(",", list))
                        .orElse("localhost:9092"));
        Map<String, String> configuration = binder.bind("spring.cloud.stream.kafka.binder.configuration",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        return new KafkaClientSettings(servers, Map.copyOf(configuration));
    }

    public Map<String, Object> base() {
        Map<String, Object> props = new HashMap<>(configuration);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    static List<String> split(String servers) {
        return List.of(servers.split(","));
    }
}
