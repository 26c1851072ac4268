package org.pledge.feedback.feedback.api;

/**
 * When an answer asks for someone to contact the client: a rating of at most {@code maxRating}, with consent, about a
 * known case whose client is known.
 */
public record FollowUpRule(int maxRating) {

    public FollowUpRule {
        if (maxRating < 1 || maxRating > 5) {
            throw new IllegalArgumentException("the follow-up's maximum rating must be 1..5");
        }
    }

    public boolean wanted(int rating, boolean consentToContact, String caseId, String applicantReference) {
        return rating <= maxRating && consentToContact && caseId != null && applicantReference != null && !applicantReference.isBlank();
    }
}
