package org.pledge.testsupport.await;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * The one way a test waits for something that happens eventually (a projection, a consumer, a sweep): Awaitility,
 * with the project's timeout and polling, and a name for what is awaited so that a timeout says what never happened.
 *
 * <pre>
 * JsonNode c = Eventually.await("case " + id + " resolved").until(() -> read(id), c -> c.path("status")...);
 * Eventually.await("the record on the topic").untilAsserted(() -> assertThat(records).hasSize(1));
 * </pre>
 *
 * <p>A value the awaited supplier throws fails the wait at once (nothing is swallowed): the code under test failing is
 * not the same as it not having happened yet.
 */
public final class Eventually {

    /** How long a test waits by default: far longer than anything takes on an idle machine, so a loaded CI passes. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How often the condition is checked. */
    public static final Duration POLL = Duration.ofMillis(100);

    private Eventually() {
    }

    /** Waits up to {@link #TIMEOUT} for what {@code what} describes, checking at once and then every {@link #POLL}. */
    public static ConditionFactory await(String what) {
        return await(what, TIMEOUT);
    }

    /** As {@link #await(String)}, for at most {@code atMost}. */
    public static ConditionFactory await(String what, Duration atMost) {
        return Awaitility.await(what)
                .atMost(atMost)
                .pollDelay(Duration.ZERO)
                .pollInterval(POLL)
                .pollInSameThread();
    }
}
