package org.pledge.feedback.survey.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.feedback.survey.api.InvitationStatus;
import org.pledge.feedback.survey.api.SurveyInvitationIds;
import org.pledge.feedback.survey.api.SurveyTokenException;
import org.pledge.feedback.survey.api.SurveyTokenException.Reason;
import org.pledge.feedback.survey.api.Timeliness;
import org.pledge.feedback.survey.api.VerifiedInvitation;
import org.pledge.feedback.survey.token.SurveyTokenKey;
import org.pledge.feedback.survey.token.SurveyTokens;

/** What a link's token is worth against the invitations (the read model stubbed; the tokens real). */
class SurveyLinkVerifierTest {

    private static final SurveyTokenKey KEY = new SurveyTokenKey("k1", "k1-secret-of-at-least-thirty-two-chars!!");
    private static final String CASE = "case-1";
    private static final String INVITATION = SurveyInvitationIds.forCase(CASE);
    private static final Instant INVITED = Instant.parse("2025-04-01T15:00:07Z");
    private static final Instant EXPIRES = Instant.parse("2025-04-15T15:00:07Z");

    private final SurveyTokens tokens = new SurveyTokens(List.of(KEY));
    private final SurveyInvitations invitations = mock(SurveyInvitations.class);
    private Instant now = INVITED.plusSeconds(3600);

    @BeforeEach
    void setUp() {
        when(invitations.byInvitation(any())).thenReturn(Optional.empty());
        when(invitations.clientOf(any())).thenAnswer(i -> ((InvitationDocument) i.getArgument(0)).applicantReference());
    }

    @Test
    void verify_givesTheInvitation_whenTheTokenIsGoodAndCurrent() {
        stored(document(CASE, INVITATION, InvitationStatus.INVITED, EXPIRES));

        VerifiedInvitation verified = verifier().verify(token(INVITATION, CASE, EXPIRES));

        assertThat(verified).isEqualTo(new VerifiedInvitation(INVITATION, CASE, "PASSPORT", "WEB", "fr-CA", "ref-7", Timeliness.LATE,
                EXPIRES));
    }

    @Test
    void verify_isExpired_fromTheExpiryOn() {
        stored(document(CASE, INVITATION, InvitationStatus.INVITED, EXPIRES));
        now = EXPIRES.minusSeconds(1);
        assertThat(verifier().verify(token(INVITATION, CASE, EXPIRES)).invitationId()).isEqualTo(INVITATION);

        now = EXPIRES;
        assertReason(token(INVITATION, CASE, EXPIRES), Reason.EXPIRED);
    }

    @Test
    void verify_isUsed_whenAnswered_evenAfterTheExpiry() {
        stored(document(CASE, INVITATION, InvitationStatus.ANSWERED, EXPIRES));
        assertReason(token(INVITATION, CASE, EXPIRES), Reason.USED);

        now = EXPIRES.plusSeconds(86_400);
        assertReason(token(INVITATION, CASE, EXPIRES), Reason.USED);
    }

    @Test
    void verify_isInvalid_forAnotherCasesToken() {
        // case-2's client holds a good token of their own invitation; they write case-1's invitation id into it
        String other = SurveyInvitationIds.forCase("case-2");
        stored(document(CASE, INVITATION, InvitationStatus.INVITED, EXPIRES));
        stored(document("case-2", other, InvitationStatus.INVITED, EXPIRES));

        assertReason(token(INVITATION, "case-2", EXPIRES), Reason.INVALID);
        assertThat(verifier().verify(token(other, "case-2", EXPIRES)).caseId()).isEqualTo("case-2");
    }

    @Test
    void verify_isInvalid_forAnUnknownInvitation() {
        assertReason(token(INVITATION, CASE, EXPIRES), Reason.INVALID);
    }

    @Test
    void verify_isInvalid_whenNotInvitedYetOrCancelled() {
        stored(document(CASE, INVITATION, InvitationStatus.AWAITING_CASE_END, null));
        assertReason(token(INVITATION, CASE, EXPIRES), Reason.INVALID);

        stored(document(CASE, INVITATION, InvitationStatus.CANCELLED, null));
        assertReason(token(INVITATION, CASE, EXPIRES), Reason.INVALID);
    }

    @Test
    void verify_isInvalid_whenTheExpiryIsNotTheInvitations() {
        // a genuine signature over a later expiry (a key holder's mistake, or an older issuance): only the invitation's counts
        stored(document(CASE, INVITATION, InvitationStatus.INVITED, EXPIRES));

        assertReason(token(INVITATION, CASE, EXPIRES.plusSeconds(86_400)), Reason.INVALID);
    }

    @Test
    void verify_isInvalid_whenForgedOrMalformed() {
        stored(document(CASE, INVITATION, InvitationStatus.INVITED, EXPIRES));
        String forged = new SurveyTokens(List.of(new SurveyTokenKey("k1", "someone-elses-secret-0123456789abcdef")))
                .issue("k1", INVITATION, CASE, EXPIRES);

        assertReason(forged, Reason.INVALID);
        assertReason("not-a-token", Reason.INVALID);
    }

    private SurveyLinkVerifier verifier() {
        return new SurveyLinkVerifier(tokens, invitations, Clock.fixed(now, ZoneOffset.UTC));
    }

    private void assertReason(String token, Reason reason) {
        assertThatThrownBy(() -> verifier().verify(token))
                .isInstanceOfSatisfying(SurveyTokenException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .message().doesNotContain(token);
    }

    private void stored(InvitationDocument document) {
        when(invitations.byInvitation(document.invitationId())).thenReturn(Optional.of(document));
    }

    private String token(String invitationId, String caseId, Instant expiresAt) {
        return tokens.issue("k1", invitationId, caseId, expiresAt);
    }

    private static InvitationDocument document(String caseId, String invitationId, InvitationStatus status, Instant expiresAt) {
        boolean invited = expiresAt != null;
        return new InvitationDocument(caseId, invitationId, "PASSPORT", "WEB", "fr-CA", "ref-7", "SMS", status.name(), null,
                invited ? "CASE_RESOLVED" : null, invited ? "LATE" : null, invited ? INVITED : null, expiresAt, invited ? "k1" : null,
                status == InvitationStatus.ANSWERED ? "fb-1" : null, null, null, 3);
    }
}
