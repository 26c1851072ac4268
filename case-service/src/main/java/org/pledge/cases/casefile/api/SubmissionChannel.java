package org.pledge.cases.casefile.api;

/** Where an application came in. Only PAPER and MAIL may state an earlier receipt instant. */
public enum SubmissionChannel {
    WEB, CALL_CENTRE, IN_PERSON, PARTNER, PAPER, MAIL,
    /** A follow-up case opened on a feedback-service request. */
    FOLLOW_UP;

    public boolean mayStateReceivedAt() {
        return this == PAPER || this == MAIL;
    }
}
