package org.pledge.feedback.survey.api;

/** The case as an answer found it, for the split "does keeping the promise earn satisfaction?". */
public enum Timeliness {
    /** Resolved by its due date. */
    ON_TIME,
    /** Resolved after its due date (or breached). */
    LATE,
    /** Not resolved yet, withdrawn, or no case known (anonymous channel feedback). */
    OPEN
}
