package org.pledge.feedback.feedback.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.feedback.survey.api.Timeliness;
import org.pledge.feedback.survey.api.VerifiedInvitation;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * The invitations answered through a link, by the SHA-256 of the link's token ({@code survey_answer_links}): once the
 * answer is recorded, the survey feature reports the token as used, yet a retry of the same answer must still be
 * accepted (200). So before an answer is sent, what its token verified to is kept here; a later request whose token
 * is reported used finds it and lets the {@code Feedback} aggregate decide (the same answer: accepted; another: used).
 * Only a hash of the token is stored (a credential); the rest is the invitation's non-personal facts and its client's
 * reference.
 */
@Component
class AnsweredLinks {

    /** One verified link as kept. */
    public record AnsweredLink(@BsonId String tokenHash, String invitationId, String caseId, String serviceType, String caseChannel,
                               String language, String applicantReference, String timeliness, Instant expiresAt) {

        VerifiedInvitation invitation() {
            return new VerifiedInvitation(invitationId, caseId, serviceType, caseChannel, language, applicantReference,
                    Timeliness.valueOf(timeliness), expiresAt);
        }
    }

    private final MongoCollection<AnsweredLink> links;

    AnsweredLinks(MongoDatabaseFactory databases) {
        this.links = ReadModelCodecs.collection(databases.getMongoDatabase(), "survey_answer_links", AnsweredLink.class);
    }

    /** Keeps what {@code token} verified to (the first one kept stands). */
    void keep(String token, VerifiedInvitation v) {
        try {
            links.insertOne(new AnsweredLink(hash(token), v.invitationId(), v.caseId(), v.serviceType(), v.caseChannel(), v.language(),
                    v.applicantReference(), v.timeliness().name(), v.expiresAt()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** What {@code token} verified to when it was answered, if it was answered here. */
    Optional<VerifiedInvitation> find(String token) {
        return Optional.ofNullable(links.find(Filters.eq("_id", hash(token))).first()).map(AnsweredLink::invitation);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
