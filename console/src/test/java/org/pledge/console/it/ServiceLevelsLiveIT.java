package org.pledge.console.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpSessionEvent;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.pledge.console.levels.LiveProperties;
import org.pledge.console.levels.LiveStreams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * {@code /service-levels/live}: the server-sent-event stream of the page's figures. The tests drive the streams' tick
 * themselves ({@link LiveStreams#tick()}, twice: the second one surely asks after the test changed case-service's
 * answer) instead of waiting for the scheduler.
 */
class ServiceLevelsLiveIT extends ConsoleITSupport {

    private static final Pattern SEEN = Pattern.compile("seen=([0-9a-f]+)");

    @Autowired
    LiveStreams streams;

    @Autowired
    LiveProperties live;

    @Test
    void live_sendsFiguresInThePersonsLanguage_whenTheyChange() throws Exception {
        ServiceLevelsFixtures.answer(SERVICES, 3);
        MockHttpSession session = new MockHttpSession();
        String seen = seenOnPage(session);
        MockHttpServletResponse stream = open(session, seen, "fr-CA");

        ticks();
        assertThat(body(stream)).as("the figures the page shows, unchanged").doesNotContain("event:levels");

        ServiceLevelsFixtures.answer(SERVICES, 4); // one more PASSPORT case breached
        ticks();
        String events = body(stream);
        assertThat(count(events, "event:levels\n")).isEqualTo(1);
        String fragment = events.substring(events.indexOf("data:") + 5, events.indexOf('\n', events.indexOf("data:")));
        var figures = Jsoup.parseBodyFragment(fragment);
        assertThat(figures.getElementById("levels-breached-open").text()).isEqualTo("4");
        assertThat(figures.getElementById("levels-row-PASSPORT-WEB").select("td").get(3).text()).isEqualTo("4");
        assertThat(figures.getElementById("levels-on-time").wholeText()).contains("87,5").contains("sur");

        ticks();
        assertThat(count(body(stream), "event:levels\n")).as("nothing new: nothing sent").isEqualTo(1);
        SERVICES.verify(getRequestedFor(urlPathEqualTo(ServiceLevelsFixtures.PATH))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + accessToken("operations"))));

        endSession(session);
    }

    @Test
    void live_endsAndSaysSo_whenServiceRefusesThePerson() throws Exception {
        ServiceLevelsFixtures.answer(SERVICES, 3);
        MockHttpSession session = new MockHttpSession();
        MockHttpServletResponse stream = open(session, seenOnPage(session), "en-CA");
        assertThat(streams.openStreams(session.getId())).isEqualTo(1);

        ServiceLevelsFixtures.refuse(SERVICES, 403);
        ticks();

        assertThat(body(stream)).contains("event:levels-ended\n")
                .contains("Live updates have stopped: case-service no longer lets you see these figures.")
                .doesNotContain("sse-connect");
        assertThat(streams.openStreams(session.getId())).isZero();
    }

    @Test
    void live_endsAndSaysSo_whenSessionEnds() throws Exception {
        ServiceLevelsFixtures.answer(SERVICES, 3);
        MockHttpSession session = new MockHttpSession();
        MockHttpServletResponse stream = open(session, seenOnPage(session), "en-CA");

        endSession(session);

        assertThat(body(stream)).contains("event:levels-ended\n").contains("Live updates have stopped: you have signed out.");
        assertThat(streams.openStreams(session.getId())).isZero();
    }

    @Test
    void live_isRefused_whenSessionHasItsStreamsAlready() throws Exception {
        ServiceLevelsFixtures.answer(SERVICES, 3);
        MockHttpSession session = new MockHttpSession();
        String seen = seenOnPage(session);
        for (int i = 0; i < live.streamsPerSession(); i++) {
            open(session, seen, "en-CA");
        }

        mvc.perform(get("/service-levels/live").param("seen", seen).session(session).with(signedInAs("operations", "operations")))
                .andExpect(status().isTooManyRequests());
        assertThat(streams.openStreams(session.getId())).isEqualTo(live.streamsPerSession());
        // another session may still open its own
        MockHttpSession other = new MockHttpSession();
        open(other, seen, "en-CA");

        endSession(session);
        endSession(other);
        assertThat(streams.openStreams(session.getId())).isZero();
    }

    private String seenOnPage(MockHttpSession session) throws Exception {
        String html = mvc.perform(get("/service-levels").session(session).with(signedInAs("operations", "operations")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher seen = SEEN.matcher(Jsoup.parse(html).getElementById("levels-live").attr("sse-connect"));
        assertThat(seen.find()).isTrue();
        return seen.group(1);
    }

    private MockHttpServletResponse open(MockHttpSession session, String seen, String language) throws Exception {
        return mvc.perform(get("/service-levels/live").param("seen", seen).session(session)
                        .with(signedInAs("operations", "operations")).header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(request().asyncStarted())
                .andReturn().getResponse();
    }

    private void ticks() throws Exception {
        streams.tick().get(20, TimeUnit.SECONDS);
        streams.tick().get(20, TimeUnit.SECONDS);
    }

    private void endSession(MockHttpSession session) {
        streams.sessionDestroyed(new HttpSessionEvent(session));
    }

    private static String body(MockHttpServletResponse stream) throws Exception {
        return stream.getContentAsString(StandardCharsets.UTF_8);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
