package org.pledge.feedback.survey.config;

import java.util.List;

import org.pledge.feedback.survey.token.SurveyTokenKey;
import org.pledge.feedback.survey.token.SurveyTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The survey links' keys, from {@code pledge.surveys.token-keys}; else, with {@code pledge.surveys.dev-key=true}, the
 * development key (fixed and public: tests and the local stack, whose links survive a restart); else start-up fails
 * ({@link MissingSurveyTokenKeyException}, explained by {@link MissingSurveyTokenKeyFailureAnalyzer}). Configured keys
 * win over the development key. No message holds a secret.
 */
final class SurveyTokenKeys {

    static final String DEV_KEY_ID = "dev";
    /** Public, in the source code: it protects nothing, which is why production never uses it. */
    static final String DEV_KEY_SECRET = "pledge-local-survey-links-development-key-not-secret";
    private static final Logger log = LoggerFactory.getLogger(SurveyTokenKeys.class);

    private SurveyTokenKeys() {
    }

    static SurveyTokens resolve(SurveyProperties properties) {
        if (!properties.tokenKeys().isEmpty()) {
            try {
                List<SurveyTokenKey> keys = properties.tokenKeys().stream().map(k -> new SurveyTokenKey(k.id(), k.secret())).toList();
                return new SurveyTokens(keys);
            } catch (IllegalArgumentException e) {
                // the messages of SurveyTokenKey and SurveyTokens name key ids and rules, never a secret
                throw new MissingSurveyTokenKeyException("pledge.surveys.token-keys is not usable: " + e.getMessage());
            }
        }
        if (properties.devKey()) {
            log.warn("pledge.surveys.dev-key=true: survey links are signed with the development key '{}', which is public."
                    + " Anyone can forge a link: configure pledge.surveys.token-keys outside development.", DEV_KEY_ID);
            return new SurveyTokens(List.of(new SurveyTokenKey(DEV_KEY_ID, DEV_KEY_SECRET)));
        }
        throw new MissingSurveyTokenKeyException("No key to sign survey links: set pledge.surveys.token-keys (a list of {id,"
                + " secret}, newest first, each secret at least 32 characters); for development and tests"
                + " pledge.surveys.dev-key=true uses a fixed development key.");
    }

    /** No usable key for the survey links: the service must not start. */
    static final class MissingSurveyTokenKeyException extends IllegalStateException {

        MissingSurveyTokenKeyException(String message) {
            super(message);
        }
    }
}
