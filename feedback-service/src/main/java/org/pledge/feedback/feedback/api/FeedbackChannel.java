package org.pledge.feedback.feedback.api;

/** Where an answer came from; the analytics' "channel". */
public enum FeedbackChannel {
    /** The signed single-use link of a survey invitation (the public page or the public API). */
    SURVEY_LINK,
    /** A kiosk at a service point. */
    KIOSK,
    /** A call-centre agent, on the client's behalf. */
    CALL_CENTRE,
    /** A feedback form on a channel's web site. */
    WEB_FORM
}
