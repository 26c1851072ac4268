package org.pledge.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Adds the platform defaults ({@code pledge-defaults.properties}) with the lowest precedence, derives the
 * Spring Cloud Stream consumer bindings from {@code pledge.messaging.consumers}, and switches off AxonIQ's
 * update checker and console advertisement (both read JVM system properties, not the Spring environment).
 */
public class PledgeDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String DEFAULTS_SOURCE = "pledgePlatformDefaults";
    public static final String DERIVED_SOURCE = "pledgePlatformMessagingBindings";

    /** Read by {@code org.axonframework.updates.configuration.CommandLineUsagePropertyProvider}. */
    static final String AXON_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";
    /** Read by {@code org.axonframework.config.AxonIQConsoleModule}. */
    static final String AXON_CONSOLE_MESSAGE_DISABLED = "disable-axoniq-console-message";

    @Override
    public int getOrder() {
        // after the application's config files are loaded (ConfigDataEnvironmentPostProcessor)
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(AXON_UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(AXON_UPDATE_CHECKER_DISABLED, "true");
        }
        if (System.getProperty(AXON_CONSOLE_MESSAGE_DISABLED) == null) {
            System.setProperty(AXON_CONSOLE_MESSAGE_DISABLED, "true");
        }
        if (!environment.getPropertySources().contains(DERIVED_SOURCE)) {
            environment.getPropertySources().addLast(new MapPropertySource(DERIVED_SOURCE, consumerBindings(environment)));
        }
        if (!environment.getPropertySources().contains(DEFAULTS_SOURCE)) {
            environment.getPropertySources().addLast(new PropertiesPropertySource(DEFAULTS_SOURCE, loadDefaults()));
        }
    }

    static Properties loadDefaults() {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource("pledge-defaults.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException("platform defaults missing from the classpath", e);
        }
    }

    static Map<String, Object> consumerBindings(ConfigurableEnvironment environment) {
        Map<String, PledgeMessagingProperties.ConsumerBinding> consumers = Binder.get(environment)
                .bind("pledge.messaging.consumers",
                        Bindable.mapOf(String.class, PledgeMessagingProperties.ConsumerBinding.class))
                .orElse(Map.of());
        Map<String, Object> derived = new LinkedHashMap<>();
        consumers.forEach((name, consumer) -> {
            String binding = "spring.cloud.stream.bindings." + name + "-in-0.";
            derived.put(binding + "destination", consumer.topic());
            derived.put(binding + "group", "${pledge.messaging.group:${spring.application.name}}");
            derived.put(binding + "consumer.max-attempts", consumer.maxAttempts());
            derived.put(binding + "consumer.back-off-initial-interval", consumer.backOffInitialInterval().toMillis());
            derived.put(binding + "consumer.back-off-multiplier", consumer.backOffMultiplier());
            derived.put(binding + "consumer.back-off-max-interval", consumer.backOffMaxInterval().toMillis());
            derived.put(binding + "consumer.concurrency", consumer.concurrency());
            String kafka = "spring.cloud.stream.kafka.bindings." + name + "-in-0.consumer.";
            derived.put(kafka + "enable-dlq", true);
            derived.put(kafka + "dlq-name", consumer.deadLetterTopic());
        });
        pooledByDefault(environment, derived);
        if (!consumers.isEmpty() && !environment.containsProperty("spring.cloud.function.definition")) {
            derived.put("spring.cloud.function.definition",
                    consumers.keySet().stream().sorted().collect(Collectors.joining(";")));
        }
        return derived;
    }

    private static final Pattern PROCESSOR_PROPERTY = Pattern.compile("axon\\.eventhandling\\.processors\\.([^.\\[]+)\\..+");

    /**
     * Axon makes a processor named under {@code axon.eventhandling.processors.<name>} a <em>tracking</em> processor
     * unless its {@code mode} is set; the platform's default is pooled streaming, so such a processor gets
     * {@code mode=pooled} unless the service chose a mode, and the platform's batch size and segment count
     * ({@code pledge.axon.processor-batch-size}, {@code processor-segments}) unless it chose those.
     */
    static void pooledByDefault(ConfigurableEnvironment environment, Map<String, Object> derived) {
        Set<String> names = new TreeSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String property : enumerable.getPropertyNames()) {
                    Matcher matcher = PROCESSOR_PROPERTY.matcher(property);
                    if (matcher.matches()) {
                        names.add(matcher.group(1));
                    }
                }
            }
        }
        names.add("integration-publisher");
        names.add("pledge-audit-chain");
        // the platform's defaults file is added after (below) the derived properties: what it sets counts as chosen
        Properties defaults = loadDefaults();
        java.util.function.Predicate<String> chosen = key -> environment.containsProperty(key) || defaults.containsKey(key);
        for (String name : names) {
            String prefix = "axon.eventhandling.processors." + name + ".";
            if (!environment.containsProperty(prefix + "mode")) {
                derived.put(prefix + "mode", "pooled");
            }
            // Axon's own defaults for a named processor are batch size 1 and 16 segments; the platform's apply instead
            if (!chosen.test(prefix + "batch-size") && !chosen.test(prefix + "batchSize")) {
                derived.put(prefix + "batch-size", "${pledge.axon.processor-batch-size:100}");
            }
            if (!chosen.test(prefix + "initial-segment-count") && !chosen.test(prefix + "initialSegmentCount")) {
                derived.put(prefix + "initial-segment-count", "${pledge.axon.processor-segments:4}");
            }
        }
    }
}
