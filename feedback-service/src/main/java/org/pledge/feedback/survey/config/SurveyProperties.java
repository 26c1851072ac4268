package org.pledge.feedback.survey.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.surveys.*}: the survey invitations and their links (docs/surveys.md).
 *
 * @param linkBaseUrl    the link is this + the token (the survey page as the client reaches it)
 * @param expiry         how long a link works after the invitation
 * @param inviteOnBreach also invite when the case breaches its service standard (the case is then late; still one
 *                       invitation per case)
 * @param tokenKeys      the keys of the links' tokens, newest first: the first signs, all verify (production: from a
 *                       secret, e.g. {@code PLEDGE_SURVEYS_TOKENKEYS_0_ID} / {@code PLEDGE_SURVEYS_TOKENKEYS_0_SECRET})
 * @param devKey         without token keys, sign with a fixed, publicly known development key (tests and the local
 *                       stack only; a WARN line at start-up). Neither: the service does not start
 */
@ConfigurationProperties("pledge.surveys")
public record SurveyProperties(
        @DefaultValue("http://localhost:8082/surveys/") String linkBaseUrl,
        @DefaultValue("P14D") Duration expiry,
        @DefaultValue("false") boolean inviteOnBreach,
        List<TokenKey> tokenKeys,
        @DefaultValue("false") boolean devKey) {

    public SurveyProperties {
        tokenKeys = tokenKeys == null ? List.of() : List.copyOf(tokenKeys);
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("pledge.surveys.expiry must be positive");
        }
    }

    /** One entry of {@code pledge.surveys.token-keys}; the secret is never shown. */
    public record TokenKey(String id, String secret) {

        @Override
        public String toString() {
            return "TokenKey[" + id + "]";
        }
    }

    @Override
    public String toString() {
        return "SurveyProperties[linkBaseUrl=" + linkBaseUrl + ", expiry=" + expiry + ", inviteOnBreach=" + inviteOnBreach
                + ", tokenKeys=" + tokenKeys + ", devKey=" + devKey + "]";
    }
}
