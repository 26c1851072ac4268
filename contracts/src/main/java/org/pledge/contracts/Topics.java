package org.pledge.contracts;

import java.util.List;

/**
 * The Kafka topics services publish to. Records are keyed by case id where one exists; on {@link #PRIVACY}, by the
 * data subject reference; on {@link #AUDIT}, by service name.
 */
public final class Topics {

    public static final String CASE = "pledge.case.v1";
    public static final String FEEDBACK = "pledge.feedback.v1";
    public static final String NOTIFICATION = "pledge.notification.v1";
    public static final String GUARANTEE = "pledge.guarantee.v1";
    /** Data subjects erased: every service publishes the erasures requested of it, and consumes everyone's. */
    public static final String PRIVACY = "pledge.privacy.v1";
    /** Every service's signed audit checkpoints ({@code pledge.audit.checkpoint.v1}), keyed by service name. */
    public static final String AUDIT = "pledge.audit.v1";

    public static final List<String> ALL = List.of(CASE, FEEDBACK, NOTIFICATION, GUARANTEE, PRIVACY, AUDIT);

    /** Suffix of the dead-letter topic of a topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}: {@code <topic>.dlq}. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
