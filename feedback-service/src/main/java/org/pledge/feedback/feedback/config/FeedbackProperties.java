package org.pledge.feedback.feedback.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.feedback.*}: the answers' rules, the follow-up, the public endpoints' rate limit and the pain-point tags
 * seeded when there are none.
 *
 * @param commentMaxLength the longest comment accepted, in characters as typed (before sanitising)
 * @param phoneRegion      the region of phone numbers written without a country code, for masking (ISO 3166)
 */
@ConfigurationProperties("pledge.feedback")
public record FeedbackProperties(@DefaultValue("2000") int commentMaxLength,
                                 @DefaultValue("CA") String phoneRegion,
                                 @DefaultValue FollowUp followUp,
                                 @DefaultValue PublicRateLimit publicRateLimit,
                                 List<Tag> painPointTags) {

    public FeedbackProperties {
        painPointTags = painPointTags == null ? List.of() : List.copyOf(painPointTags);
        if (commentMaxLength < 1) {
            throw new IllegalArgumentException("pledge.feedback.comment-max-length must be positive");
        }
    }

    /** @param maxRating a rating at most this, with consent, about a known client, asks for a follow-up */
    public record FollowUp(@DefaultValue("2") int maxRating) {
    }

    /**
     * Per client address, over the public survey endpoints ({@code /api/surveys/**}).
     *
     * @param requests       requests allowed per window and address
     * @param window         the window (fixed, from the first request in it)
     * @param trustedProxies the addresses of the reverse proxies in front of the service: only from them is
     *                       {@code X-Forwarded-For} believed (its right-most address that is not a trusted proxy)
     * @param maxClients     addresses tracked at most (the oldest windows are dropped beyond)
     */
    public record PublicRateLimit(@DefaultValue("30") int requests, @DefaultValue("PT1M") Duration window,
                                  @DefaultValue({"127.0.0.1", "0:0:0:0:0:0:0:1"}) List<String> trustedProxies,
                                  @DefaultValue("100000") int maxClients) {
    }

    /** A seeded tag: its code and its labels in English and French. */
    public record Tag(String code, String en, String fr) {
    }
}
