package org.pledge.console.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.text.NumberFormat;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** {@code /service-levels}: case-service's figures per service type and channel, filtered, in the person's locale. */
class ServiceLevelsIT extends ConsoleITSupport {

    @Test
    void page_showsFiguresInEnglish_withTheRelayedToken() throws Exception {
        ServiceLevelsFixtures.answer(SERVICES, 3);

        Document page = page("/service-levels", ENGLISH);

        assertThat(page.select("h1").text()).isEqualTo("Service levels");
        assertThat(page.getElementById("levels-open").text()).isEqualTo("1,236");
        assertThat(page.getElementById("levels-at-risk").text()).isEqualTo("30");
        assertThat(page.getElementById("levels-breached-open").text()).isEqualTo("3");
        assertThat(page.getElementById("levels-on-time").text()).isEqualTo("87.5% (7 of 8)");
        assertThat(page.getElementById("levels-median").text()).isEqualTo("For each service type in the table");
        assertThat(page.getElementById("levels-as-of").text()).contains("2026").contains("10:04");
        assertThat(cells(page, "levels-row-PASSPORT-ALL")).containsExactly("All channels", "1,234", "30", "3", "8", "87.5%", "4", "9");
        assertThat(cells(page, "levels-row-PASSPORT-WEB")).containsExactly("Web", "1,000", "20", "3", "6", "100%", "3", "5");
        assertThat(cells(page, "levels-row-DEMO-ALL")).containsExactly("All channels", "2", "0", "0", "0", "–", "–", "–");
        // backlog: the chart's data block and its table, the same figures (PASSPORT and DEMO together)
        assertThat(page.getElementById("levels-backlog-data").attr("data-chart-option")).contains("\"data\":[1202,20,10,4]");
        assertThat(page.select("#levels-backlog-table tbody td").eachText()).containsExactly("1,202", "20", "10", "4");
        // on time by week: a line per service type, a table row per week
        assertThat(page.getElementById("levels-trend-data").attr("data-chart-option")).contains("\"name\":\"DEMO\"").contains("\"data\":[\"-\",87.5]");
        assertThat(page.select("#levels-trend-table thead th").eachText()).containsExactly("Week of", "DEMO", "PASSPORT");
        assertThat(page.select("#levels-trend-table tbody tr").get(1).select("td").eachText())
                .containsExactly("None resolved", "87.5% (7 of 8)");
        // live, and a plain page without JavaScript
        assertThat(page.getElementById("levels-live").attr("sse-connect")).startsWith("/service-levels/live?seen=");
        assertThat(page.getElementById("levels-refresh").attr("href")).isEqualTo("/service-levels");
        SERVICES.verify(getRequestedFor(urlPathEqualTo(ServiceLevelsFixtures.PATH))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + accessToken("operations"))));
    }

    @Test
    void page_showsFiguresInFrench() throws Exception {
        ServiceLevelsFixtures.answer(SERVICES, 3);

        Document page = page("/service-levels?lang=fr", FRENCH);

        assertThat(page.select("html").attr("lang")).isEqualTo("fr");
        assertThat(page.select("h1").text()).isEqualTo("Niveaux de service");
        NumberFormat french = NumberFormat.getNumberInstance(FRENCH);
        assertThat(text(page, "levels-open")).isEqualTo(french.format(1236)).isNotEqualTo("1,236");
        assertThat(text(page, "levels-on-time")).isEqualTo(percent(FRENCH, "0.875") + " (7 sur 8)");
        assertThat(percent(FRENCH, "0.875")).startsWith("87,5");
        assertThat(cells(page, "levels-row-PASSPORT-PAPER")).containsExactly("Papier", "234", "10", "0", "2",
                percent(FRENCH, "0.5"), "6", "9");
        assertThat(page.getElementById("levels-backlog-data").attr("data-chart-option")).contains("\"0 à 5\"").contains("Jours ouvrables depuis la réception");
        assertThat(page.getElementById("levels-trend-data").attr("data-chart-option")).contains("{value} %");
    }

    @Test
    void filters_narrowToOneServiceTypeAndChannel() throws Exception {
        ServiceLevelsFixtures.answer(SERVICES, 3);

        Document passport = page("/service-levels?serviceType=PASSPORT", ENGLISH);
        assertThat(passport.select("#levels-table tbody tr").eachAttr("id"))
                .containsExactly("levels-row-PASSPORT-ALL", "levels-row-PASSPORT-PAPER", "levels-row-PASSPORT-WEB");
        assertThat(passport.getElementById("levels-median").text()).isEqualTo("4");
        assertThat(passport.getElementById("levels-p90").text()).isEqualTo("9");
        assertThat(passport.select("#serviceType option[selected]").val()).isEqualTo("PASSPORT");
        assertThat(passport.select("#channel option").eachAttr("value")).containsExactly("", "PAPER", "WEB");

        Document web = page("/service-levels?serviceType=PASSPORT&channel=WEB", ENGLISH);
        assertThat(web.select("#levels-table tbody tr").eachAttr("id")).containsExactly("levels-row-PASSPORT-WEB");
        assertThat(web.getElementById("levels-open").text()).isEqualTo("1,000");
        assertThat(web.getElementById("levels-on-time").text()).isEqualTo("100% (6 of 6)");
        assertThat(web.getElementById("levels-live").attr("sse-connect"))
                .startsWith("/service-levels/live?serviceType=PASSPORT&channel=WEB&seen=");
        assertThat(web.getElementById("levels-refresh").attr("href")).isEqualTo("/service-levels?serviceType=PASSPORT&channel=WEB");

        // a channel across service types: WEB of DEMO and of PASSPORT
        Document allWeb = page("/service-levels?channel=WEB", ENGLISH);
        assertThat(allWeb.select("#levels-table tbody tr").eachAttr("id")).containsExactly("levels-row-DEMO-WEB", "levels-row-PASSPORT-WEB");
        assertThat(allWeb.getElementById("levels-open").text()).isEqualTo("1,002");

        Document none = page("/service-levels?serviceType=TAX", ENGLISH);
        assertThat(none.getElementById("levels-empty").text()).isEqualTo("No cases for this service type and channel.");
    }

    @Test
    void filterThatIsNoCode_isBadRequest() throws Exception {
        ServiceLevelsFixtures.answer(SERVICES, 3);
        mvc.perform(get("/service-levels").param("serviceType", "<script>").with(signedInAs("operations", "operations")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void page_isForOperationsAndAuditors_only() throws Exception {
        ServiceLevelsFixtures.answer(SERVICES, 3);
        mvc.perform(get("/service-levels").with(signedInAs("auditor", "auditor"))).andExpect(status().isOk());
        mvc.perform(get("/service-levels").with(signedInAs("finance-1", "finance"))).andExpect(status().isForbidden());
        mvc.perform(get("/service-levels/live").with(signedInAs("caseworker", "caseworker"))).andExpect(status().isForbidden());
    }

    private Document page(String uri, Locale locale) throws Exception {
        String html = mvc.perform(get(uri).with(signedInAs("operations", "operations"))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, locale.toLanguageTag()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    private static java.util.List<String> cells(Document page, String rowId) {
        return page.getElementById(rowId).select("td").stream().map(cell -> cell.wholeText().trim()).toList();
    }

    /** The element's text as rendered, no-break spaces kept (French groups digits with them). */
    private static String text(Document page, String id) {
        return page.getElementById(id).wholeText().trim();
    }

    private static String percent(Locale locale, String fraction) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(new java.math.BigDecimal(fraction));
    }
}
