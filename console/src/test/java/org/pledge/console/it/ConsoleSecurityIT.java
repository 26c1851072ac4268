package org.pledge.console.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.pledge.console.config.ContentSecurityPolicy;
import org.pledge.console.services.Service;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriComponentsBuilder;

/** Sign-in, page rules by role, CSRF, the CSP and the session cookie, on the real filter chain. */
class ConsoleSecurityIT extends ConsoleITSupport {

    @Test
    void pageOpenedSignedOut_redirectsToIssuerWithPkce() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(MockMvcRequestBuilders.get("/cases").session(session))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("http://localhost/oauth2/authorization/pledge"));
        MvcResult authorize = mvc.perform(MockMvcRequestBuilders.get("/oauth2/authorization/pledge").session(session))
                .andExpect(status().isFound()).andReturn();

        var query = UriComponentsBuilder.fromUriString(authorize.getResponse().getRedirectedUrl()).build();
        assertThat(authorize.getResponse().getRedirectedUrl()).startsWith(ISSUER + "/oauth2/authorize?");
        assertThat(query.getQueryParams().getFirst("response_type")).isEqualTo("code");
        assertThat(query.getQueryParams().getFirst("client_id")).isEqualTo("console");
        assertThat(query.getQueryParams().getFirst("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(query.getQueryParams().getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getQueryParams().getFirst("state")).isNotBlank();
        assertThat(query.getQueryParams().getFirst("nonce")).isNotBlank();
    }

    @Test
    void liveRequestSignedOut_is401_notRedirect() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/service-levels").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized());
        mvc.perform(MockMvcRequestBuilders.get("/service-levels/live").header(HttpHeaders.ACCEPT, "text/event-stream"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void pageOfAnotherRole_isForbiddenPage_inPersonsLanguage() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/refunds").with(signedInAs("caseworker", "caseworker"))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr-CA"))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/forbidden"));
        mvc.perform(MockMvcRequestBuilders.get("/forbidden").with(signedInAs("caseworker", "caseworker"))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr-CA"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("<html class=\"govuk-template\" lang=\"fr\"")))
                .andExpect(content().string(containsString("Vous ne pouvez pas ouvrir cette page")))
                .andExpect(content().string(not(containsString("href=\"/refunds\""))));
    }

    @Test
    void home_listsOnlyTheRolesSections() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/").with(signedInAs("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/audit\"")))
                .andExpect(content().string(containsString(displayName("auditor"))));
        mvc.perform(MockMvcRequestBuilders.get("/").with(signedInAs("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/operations\"")))
                .andExpect(content().string(not(containsString("href=\"/audit\""))));
    }

    @Test
    void everyPage_carriesCspAndNoStore() throws Exception {
        String expected = ContentSecurityPolicy.directives(SERVICES.baseUrl());
        assertThat(expected).contains("form-action 'self' " + SERVICES.baseUrl());
        mvc.perform(MockMvcRequestBuilders.get("/").with(signedInAs("operations", "operations")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", expected))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("no-store")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(MockMvcRequestBuilders.get("/signed-out"))
                .andExpect(header().string("Content-Security-Policy", expected));
    }

    @Test
    void formPostedWithoutCsrfToken_isForbidden() throws Exception {
        mvc.perform(post("/logout").with(signedInAs("operations", "operations")))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/forbidden"));
    }

    @Test
    void signingOut_endsSessionAtIssuer() throws Exception {
        MvcResult out = mvc.perform(post("/logout").with(signedInAs("operations", "operations")).with(csrf()))
                .andExpect(status().isFound()).andReturn();
        var query = UriComponentsBuilder.fromUriString(out.getResponse().getRedirectedUrl()).build();
        assertThat(out.getResponse().getRedirectedUrl()).startsWith(ISSUER + "/connect/logout?");
        assertThat(query.getQueryParams().getFirst("id_token_hint")).isNotBlank();
        assertThat(query.getQueryParams().getFirst("post_logout_redirect_uri")).isEqualTo("http://localhost/signed-out");
    }

    @Test
    void sessionCookie_isSecureHttpOnlySameSiteLax() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cases")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        List<String> cookies = response.headers().allValues(HttpHeaders.SET_COOKIE);
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("PLEDGE_CONSOLE_SESSION=")
                .contains("; Secure").contains("; HttpOnly").contains("; SameSite=Lax"));
    }

    @Test
    void errorPage_isConsolesOwn_withoutWhitelabelOrStackTrace() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error")).header(HttpHeaders.ACCEPT, "text/html")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr-CA").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("Désolé, la console a un problème")
                .doesNotContain("Whitelabel").doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void services_areCalledWithPersonsOwnAccessToken() throws Exception {
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.CASE, "/cases")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
        mvc.perform(MockMvcRequestBuilders.get("/it/relay").with(signedInAs("caseworker", "caseworker")))
                .andExpect(status().isOk())
                .andExpect(content().string("[]"));
        SERVICES.verify(getRequestedFor(urlPathEqualTo(service(Service.CASE, "/cases")))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + accessToken("caseworker"))));
    }

    @Test
    void serviceDown_givesPlainWordsPage() throws Exception {
        SERVICES.stubFor(get(urlPathEqualTo(service(Service.CASE, "/cases")))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        mvc.perform(MockMvcRequestBuilders.get("/it/relay").with(signedInAs("caseworker", "caseworker")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("is not answering just now")))
                .andExpect(content().string(containsString("case-service")));
    }
}
