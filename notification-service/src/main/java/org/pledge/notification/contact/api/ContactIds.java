package org.pledge.notification.contact.api;

/** Contact identifiers. */
public final class ContactIds {

    private static final String PREFIX = "contact:";

    private ContactIds() {
    }

    /**
     * The contact of a data subject: {@code contact:<subjectRef>}, one per subject whatever case or CloudEvent id its
     * contact points arrive with. The prefix keeps it apart from the other aggregates' ids (the service's aggregates
     * share one identifier space).
     */
    public static String of(String subjectRef) {
        return PREFIX + subjectRef;
    }
}
