package org.pledge.notification.template.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.template.api.Trigger;
import org.pledge.platform.readmodel.RecordFields;

/**
 * One template in {@code message_templates}, with the current version of each of its variants, exactly as stored (the
 * driver's record codec).
 *
 * @param seq the sequence number of the template's last event applied
 */
public record TemplateDocument(@BsonId String templateId, Trigger trigger, List<VariantDocument> variants, long seq) {

    private static final RecordFields FIELDS = RecordFields.of(TemplateDocument.class);
    static final String ID = FIELDS.name("templateId");
    static final String SEQ = FIELDS.name("seq");

    public TemplateDocument {
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** The current version of one variant. */
    public record VariantDocument(String language, Channel channel, int version, String subject, String body, String changedBy,
                                  Instant changedAt) {
    }

    public Optional<VariantDocument> variant(String language, Channel channel) {
        return variants.stream().filter(v -> v.language().equals(language) && v.channel() == channel).findFirst();
    }
}
