package org.pledge.feedback.satisfaction.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import com.mongodb.client.MongoDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.pledge.feedback.feedback.api.FeedbackChannel;
import org.pledge.feedback.satisfaction.api.SatisfactionWindow;
import org.pledge.feedback.satisfaction.query.Figures.ByTimeliness;
import org.pledge.feedback.satisfaction.query.Figures.DayFigures;
import org.pledge.feedback.satisfaction.query.Figures.PainPointCount;
import org.pledge.feedback.satisfaction.query.Figures.WindowFigures;
import org.pledge.feedback.survey.api.Timeliness;
import org.pledge.testsupport.infra.MemoryMongo;

/**
 * The live figures equal a brute-force recomputation from the answers themselves: random answers (service types,
 * channels, timeliness, ratings, efforts, pain points) at random times up to 35 days back (half within two hours),
 * counted into the buckets on mongo-java-server in stream order, a random part of them delivered again; then every
 * window, the daily series and the split by timeliness, for all and for one service type and channel, at a random
 * "now" in zones with and without DST and with a half-hour offset. The brute force defines the windows on its own:
 * the last hour is the current minute and the 59 before, the last day the current hour and the 23 before, the last
 * 30 days today in the zone and the 29 days before.
 */
class SatisfactionFiguresPropertiesTest {

    private static final MemoryMongo MONGO = new MemoryMongo();
    private static final List<String> TYPES = List.of("PASSPORT", "PERMIT", "BENEFIT");
    private static final List<String> TAGS = List.of("waiting-time", "unclear-letter", "rude-staff", "lost-documents");
    private static final List<String> ZONES = List.of("America/Toronto", "Asia/Kolkata", "Australia/Lord_Howe", "UTC");
    private static final int TOP = 3;

    /** An answer and how far before now it was received. */
    record Given(Answer answer, boolean redelivered) {
    }

    record Scenario(Instant now, ZoneId zone, List<Given> answers, String serviceType, String channel) {
    }

    @BeforeContainer
    static void startMongo() {
        MONGO.beforeAll(null);
    }

    @AfterContainer
    static void stopMongo() {
        MONGO.afterAll(null);
    }

    @Property(tries = 50)
    void figures_equalABruteForceRecomputation(@ForAll("scenarios") Scenario scenario) {
        MongoDatabase database = MONGO.database("satisfaction-" + UUID.randomUUID());
        try {
            SatisfactionBuckets buckets = new SatisfactionBuckets(database, scenario.zone());
            List<Answer> answers = new ArrayList<>();
            for (int position = 0; position < scenario.answers().size(); position++) {
                Given given = scenario.answers().get(position);
                buckets.count(given.answer(), position + 1);
                answers.add(given.answer());
                if (given.redelivered()) { // delivered again later, after the next answers too
                    buckets.count(given.answer(), position + 1);
                }
            }
            for (int position = 0; position < scenario.answers().size(); position += 3) {
                buckets.count(scenario.answers().get(position).answer(), position + 1); // a replayed batch
            }
            SatisfactionFigures figures = new SatisfactionFigures(buckets, Clock.fixed(scenario.now(), ZoneOffset.UTC), TOP);

            SatisfactionFigures.View view = figures.view(scenario.serviceType(), scenario.channel(),
                    List.of(SatisfactionWindow.values()), true);

            Predicate<Answer> asked = a -> (scenario.serviceType() == null || scenario.serviceType().equals(a.serviceType()))
                    && (scenario.channel() == null || scenario.channel().equals(a.channel()));
            List<Answer> matching = answers.stream().filter(asked).toList();
            assertThat(view.windows()).containsExactly(
                    expectedWindow("PT1H", scenario.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(59)),
                            scenario.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)), matching),
                    expectedWindow("P1D", scenario.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(23)),
                            scenario.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)), matching),
                    expectedWindow("P30D", startOfDay(today(scenario).minusDays(29), scenario.zone()),
                            startOfDay(today(scenario).plusDays(1), scenario.zone()), matching));
            List<DayFigures> series = new ArrayList<>();
            for (LocalDate day = today(scenario).minusDays(29); !day.isAfter(today(scenario)); day = day.plusDays(1)) {
                LocalDate date = day;
                List<Answer> ofDay = matching.stream().filter(a -> LocalDate.ofInstant(a.receivedAt(), scenario.zone()).equals(date)).toList();
                series.add(new DayFigures(day, bruteForce(ofDay), split(ofDay)));
            }
            assertThat(view.series()).containsExactlyElementsOf(series);

            // the ranking of every pain point of the service type (all channels) over each window
            for (WindowFigures window : view.windows()) {
                Instant to = view.windows().get(0) == window ? scenario.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1))
                        : window.window().equals("P1D") ? scenario.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1))
                        : startOfDay(today(scenario).plusDays(1), scenario.zone());
                List<Answer> ofType = answers.stream()
                        .filter(a -> scenario.serviceType() == null || scenario.serviceType().equals(a.serviceType()))
                        .filter(a -> !a.receivedAt().isBefore(window.from()) && a.receivedAt().isBefore(to)).toList();
                SatisfactionFigures.PainPointRanking ranking = figures.painPoints(scenario.serviceType(),
                        SatisfactionWindow.parse(window.window()).orElseThrow());
                assertThat(ranking.answers()).isEqualTo(ofType.size());
                assertThat(ranking.painPoints()).isEqualTo(ranking(ofType, Integer.MAX_VALUE));
            }
        } finally {
            database.drop();
        }
    }

    private static LocalDate today(Scenario scenario) {
        return LocalDate.ofInstant(scenario.now(), scenario.zone());
    }

    private static Instant startOfDay(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }

    private static WindowFigures expectedWindow(String window, Instant from, Instant to, List<Answer> answers) {
        List<Answer> in = answers.stream().filter(a -> !a.receivedAt().isBefore(from) && a.receivedAt().isBefore(to)).toList();
        return new WindowFigures(window, from, bruteForce(in), split(in));
    }

    private static ByTimeliness split(List<Answer> answers) {
        return new ByTimeliness(bruteForce(answers.stream().filter(a -> a.timeliness() == Timeliness.ON_TIME).toList()),
                bruteForce(answers.stream().filter(a -> a.timeliness() == Timeliness.LATE).toList()),
                bruteForce(answers.stream().filter(a -> a.timeliness() == Timeliness.OPEN).toList()));
    }

    /** The figures straight from the answers, with BigDecimal arithmetic of their own. */
    private static Figures bruteForce(List<Answer> answers) {
        long volume = answers.size();
        long satisfied = answers.stream().filter(a -> a.rating() >= 4).count();
        long ratings = answers.stream().mapToLong(Answer::rating).sum();
        List<Answer> withEffort = answers.stream().filter(a -> a.effort() != null).toList();
        long efforts = withEffort.stream().mapToLong(Answer::effort).sum();
        return new Figures(volume, divide(satisfied * 100, volume), divide(ratings, volume), divide(efforts, withEffort.size()),
                withEffort.size(), ranking(answers, TOP));
    }

    /** The {@code limit} pain points named most by {@code answers}, most first, ties by code. */
    private static List<PainPointCount> ranking(List<Answer> answers, int limit) {
        Map<String, Long> tags = new TreeMap<>();
        answers.forEach(a -> a.painPoints().forEach(tag -> tags.merge(tag, 1L, Long::sum)));
        return tags.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed().thenComparing(Map.Entry::getKey))
                .limit(limit).map(e -> new PainPointCount(e.getKey(), e.getValue())).toList();
    }

    private static BigDecimal divide(long numerator, long denominator) {
        return denominator == 0 ? null : new BigDecimal(numerator).divide(new BigDecimal(denominator), 2, RoundingMode.HALF_UP);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Instant> now = Arbitraries.longs().between(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2027-01-01T00:00:00Z").getEpochSecond()).map(Instant::ofEpochSecond)
                .map(i -> i.plusMillis(Math.floorMod(i.getEpochSecond() * 7919, 1000)));
        Arbitrary<ZoneId> zone = Arbitraries.of(ZONES).map(ZoneId::of);
        Arbitrary<String> type = Arbitraries.of(TYPES);
        Arbitrary<String> channel = Arbitraries.of(FeedbackChannel.class).map(Enum::name);
        Arbitrary<Long> back = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(0, Duration.ofHours(2).toMillis())),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, Duration.ofDays(2).toMillis())),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(0, Duration.ofDays(35).toMillis())));
        Arbitrary<List<String>> tags = Arbitraries.of(TAGS).list().ofMaxSize(3).map(l -> List.copyOf(new LinkedHashSet<>(l)));
        Arbitrary<Integer> effort = Arbitraries.integers().between(1, 7).injectNull(0.4);
        return now.flatMap(at -> zone.flatMap(z -> {
            Arbitrary<Given> given = Combinators.combine(type, channel, Arbitraries.of(Timeliness.class), Arbitraries.integers().between(1, 5),
                    effort, tags, back, Arbitraries.of(true, false, false, false))
                    .as((t, c, tl, rating, e, p, b, again) -> new Given(new Answer(t, c, tl, rating, e, p, at.minusMillis(b)), again));
            return Combinators.combine(given.list().ofMaxSize(80), type.injectNull(0.4), channel.injectNull(0.5))
                    .as((answers, asked, askedChannel) -> new Scenario(at, z, answers, asked, askedChannel));
        }));
    }
}
