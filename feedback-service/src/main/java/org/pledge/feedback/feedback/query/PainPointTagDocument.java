package org.pledge.feedback.feedback.query;

import java.util.List;
import java.util.Map;

import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.feedback.feedback.api.PainPointTag;
import org.pledge.platform.readmodel.RecordFields;

/**
 * The pain-point tag list in {@code pain_point_tags} (one document).
 *
 * @param version the list's version (1 for the first content)
 * @param seq     the sequence number of the list's last event applied
 */
public record PainPointTagDocument(@BsonId String listId, List<StoredTag> tags, int version, long seq) {

    static final String SEQ = RecordFields.of(PainPointTagDocument.class).name("seq");

    /** One tag as stored: its code and labels. */
    public record StoredTag(String code, String en, String fr) {

        static StoredTag of(PainPointTag tag) {
            return new StoredTag(tag.code(), tag.labels().get("en"), tag.labels().get("fr"));
        }

        PainPointTag tag() {
            return new PainPointTag(code, Map.of("en", en, "fr", fr));
        }
    }

    public List<PainPointTag> painPointTags() {
        return tags.stream().map(StoredTag::tag).toList();
    }
}
