package org.pledge.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;

class NavigationTest {

    private static final List<Navigation> FINANCE = Navigation.of(new TestingAuthenticationToken("finance-1", "n/a", "ROLE_finance"));

    @Test
    void of_financePerson_listsOnlyRefundsAndCosts() {
        assertThat(FINANCE).extracting(Navigation::path).containsExactly("/refunds", "/refunds/costs");
    }

    @Test
    void activePath_costsPage_isCostsNotRefunds() {
        assertThat(Navigation.activePath(FINANCE, "/refunds/costs")).isEqualTo("/refunds/costs");
    }

    @Test
    void activePath_claimPage_isRefunds() {
        assertThat(Navigation.activePath(FINANCE, "/refunds/3f2a")).isEqualTo("/refunds");
        assertThat(Navigation.activePath(FINANCE, "/refunds")).isEqualTo("/refunds");
    }

    @Test
    void activePath_pathMerelyStartingWithASectionsName_isNone() {
        assertThat(Navigation.activePath(FINANCE, "/refundsx")).isNull();
        assertThat(Navigation.activePath(FINANCE, "/")).isNull();
    }
}
