package org.pledge.cases.casefile.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RetentionPropertiesTest {

    private static RetentionProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("pledge.privacy.retention", RetentionProperties.class);
    }

    @Test
    void retention_isOff_whenNoServiceTypeIsListed() {
        RetentionProperties off = bind(Map.of());

        assertThat(off.enabled()).isFalse();
        assertThat(off.serviceTypes()).isEmpty();
        assertThat(off.sweepInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(off.batchSize()).isEqualTo(500);
    }

    @Test
    void serviceTypeCodes_areReadInUpperCase_withTheirDurations() {
        RetentionProperties on = bind(Map.of("pledge.privacy.retention.service-types.PASSPORT", "P730D",
                "pledge.privacy.retention.service-types.demo", "P30D",
                "pledge.privacy.retention.service-types[MY_CODE]", "PT12H"));

        assertThat(on.enabled()).isTrue();
        assertThat(on.serviceTypes()).containsExactlyInAnyOrderEntriesOf(Map.of("PASSPORT", Duration.ofDays(730),
                "DEMO", Duration.ofDays(30), "MY_CODE", Duration.ofHours(12)));
    }

    @Test
    void aRetentionThatIsNotPositive_isRefusedAtStart() {
        assertThatThrownBy(() -> new RetentionProperties(Map.of("PASSPORT", Duration.ZERO), Duration.ofMinutes(1), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PASSPORT");
        assertThatThrownBy(() -> new RetentionProperties(Map.of("PASSPORT", Duration.ofDays(-1)), Duration.ofMinutes(1), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionProperties(Map.of(), Duration.ZERO, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionProperties(Map.of(), Duration.ofMinutes(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
