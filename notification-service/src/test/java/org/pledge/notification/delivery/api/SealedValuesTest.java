package org.pledge.notification.delivery.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pledge.platform.api.PersonalData;

class SealedValuesTest {

    @Test
    void values_areWrittenSortedAndUrlEncoded_andReadBack() {
        String sealed = SealedValues.write(Map.of("surveyLink", "https://x.example/s?a=1&b=2", "code", "é 1"));

        assertThat(sealed).isEqualTo("code=%C3%A9+1&surveyLink=https%3A%2F%2Fx.example%2Fs%3Fa%3D1%26b%3D2");
        assertThat(SealedValues.read(sealed)).isEqualTo(Map.of("surveyLink", "https://x.example/s?a=1&b=2", "code", "é 1"));
    }

    @Test
    void nothing_isNull_andAnErasedValueReadsAsNoValues() {
        assertThat(SealedValues.write(Map.of())).isNull();
        assertThat(SealedValues.read(null)).isEmpty();
        assertThat(SealedValues.read(PersonalData.ERASED)).isEmpty();
    }
}
