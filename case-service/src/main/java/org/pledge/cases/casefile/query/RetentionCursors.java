package org.pledge.cases.casefile.query;

import java.time.Instant;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.cases.casefile.api.CaseStatus;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/**
 * How far the retention sweep has come, per service type and closing status ({@code retention_cursors}): the closing
 * instant and case id of the last closed case it has looked at. The sweep reads closed cases in that order, so each is
 * looked at once; a subject it could not erase yet (another case still open or within retention) comes up again with
 * that other case, which closes later.
 */
@Repository
public class RetentionCursors {

    static final String COLLECTION = "retention_cursors";

    /** The last closed case looked at, in (closedAt, caseId) order. */
    public record RetentionCursor(@BsonId String id, Instant closedAt, String caseId) {
    }

    private final MongoCollection<RetentionCursor> cursors;

    public RetentionCursors(MongoDatabaseFactory databases) {
        this.cursors = ReadModelCodecs.collection(databases.getMongoDatabase(), COLLECTION, RetentionCursor.class);
    }

    public static String idOf(String serviceType, CaseStatus status) {
        return serviceType + ":" + status.name();
    }

    public Optional<RetentionCursor> find(String serviceType, CaseStatus status) {
        return Optional.ofNullable(cursors.find(Filters.eq("_id", idOf(serviceType, status))).first());
    }

    /** Moves the cursor to {@code closedAt}/{@code caseId} (never back: two instances sweeping at once both move it on). */
    public void advance(String serviceType, CaseStatus status, Instant closedAt, String caseId) {
        String id = idOf(serviceType, status);
        RetentionCursor current = cursors.find(Filters.eq("_id", id)).first();
        if (current != null && (current.closedAt().isAfter(closedAt)
                || current.closedAt().equals(closedAt) && current.caseId().compareTo(caseId) >= 0)) {
            return;
        }
        cursors.replaceOne(Filters.eq("_id", id), new RetentionCursor(id, closedAt, caseId), new ReplaceOptions().upsert(true));
    }
}
