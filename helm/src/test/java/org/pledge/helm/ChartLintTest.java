package org.pledge.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

class ChartLintTest {

    @Test
    void chart_lintsStrictWithoutWarningsOrErrors() {
        // helm-java 0.0.15 lints with the chart's own values.yaml only (no values file, no --set): the mandatory
        // references are then missing, which lint reports as INFO; every variant is rendered by the other tests
        LintResult result = Charts.helm().lint().strict().call();

        assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.startsWith("[WARNING]") || m.startsWith("[ERROR]"));
    }
}
