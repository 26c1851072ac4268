package org.pledge.notification.contact.api;

import java.time.Instant;

/**
 * How a contact's language and channel come about: each of them is the newest statement of it. A client states them in
 * two ways: each case they submit (at its submission instant), and their own preference set through the API (at the
 * instant it was set). Field by field, the newer of the two wins; a case that states nothing for a field leaves the
 * preference in force; a preference and a submission at the very same instant: the preference wins (it is the client's
 * word on this one question). So a preference set after a case holds until the client submits a newer case that says
 * otherwise, and a case submitted before the preference (arriving late, from another partition) does not undo it.
 */
public final class NewestStatement {

    /** Where a contact's language or channel comes from. */
    public enum Source { CASE, PREFERENCE }

    private NewestStatement() {
    }

    /** The value in force: the case's or the preference's, whichever was stated later; null when neither states one. */
    public static String of(String byCase, Instant submittedAt, String byPreference, Instant statedAt) {
        return sourceOf(byCase, submittedAt, byPreference, statedAt) == Source.CASE ? byCase : byPreference;
    }

    /** Which statement is in force; null when neither states a value. */
    public static Source sourceOf(String byCase, Instant submittedAt, String byPreference, Instant statedAt) {
        if (byPreference == null || statedAt == null) {
            return byCase == null ? null : Source.CASE;
        }
        if (byCase == null || submittedAt == null) {
            return Source.PREFERENCE;
        }
        return submittedAt.isAfter(statedAt) ? Source.CASE : Source.PREFERENCE;
    }
}
