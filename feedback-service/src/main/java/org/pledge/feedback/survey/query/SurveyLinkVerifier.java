package org.pledge.feedback.survey.query;

import java.time.Clock;

import org.pledge.feedback.survey.api.InvitationStatus;
import org.pledge.feedback.survey.api.SurveyLinks;
import org.pledge.feedback.survey.api.SurveyTokenException;
import org.pledge.feedback.survey.api.SurveyTokenException.Reason;
import org.pledge.feedback.survey.api.Timeliness;
import org.pledge.feedback.survey.api.VerifiedInvitation;
import org.pledge.feedback.survey.token.SurveyTokens;
import org.pledge.feedback.survey.token.SurveyTokens.Claims;
import org.springframework.stereotype.Component;

/**
 * {@link SurveyLinks} on the {@code survey_invitations} read model. In this order:
 * <ol>
 *   <li>{@link Reason#INVALID}: malformed, an unknown key id, no such invitation, a signature that does not hold for
 *       the invitation's case (forged, tampered, or moved to another case's invitation), an invitation not (or no
 *       longer) to be answered (not invited yet, cancelled), or an expiry other than the invitation's;</li>
 *   <li>{@link Reason#USED}: answered already (a fact that outlives the expiry);</li>
 *   <li>{@link Reason#EXPIRED}: at or after its expiry, by the injected clock.</li>
 * </ol>
 * The exceptions' messages are fixed texts: never the token.
 */
@Component
class SurveyLinkVerifier implements SurveyLinks {

    private final SurveyTokens tokens;
    private final SurveyInvitations invitations;
    private final Clock clock;

    SurveyLinkVerifier(SurveyTokens tokens, SurveyInvitations invitations, Clock clock) {
        this.tokens = tokens;
        this.invitations = invitations;
        this.clock = clock;
    }

    @Override
    public VerifiedInvitation verify(String token) {
        Claims claims = tokens.read(token);
        InvitationDocument invitation = invitations.byInvitation(claims.invitationId())
                .filter(d -> claims.signedFor(d.caseId()))
                .filter(d -> d.is(InvitationStatus.INVITED) || d.is(InvitationStatus.ANSWERED))
                .filter(d -> claims.expiresAt().equals(d.expiresAt()))
                .orElseThrow(() -> new SurveyTokenException(Reason.INVALID, "The survey link is not valid."));
        if (invitation.is(InvitationStatus.ANSWERED)) {
            throw new SurveyTokenException(Reason.USED, "The survey was answered already.");
        }
        if (!clock.instant().isBefore(invitation.expiresAt())) {
            throw new SurveyTokenException(Reason.EXPIRED, "The survey link has expired.");
        }
        return new VerifiedInvitation(invitation.invitationId(), invitation.caseId(), invitation.serviceType(), invitation.channel(),
                invitation.language(), invitations.clientOf(invitation), Timeliness.valueOf(invitation.timeliness()),
                invitation.expiresAt());
    }
}
