package org.pledge.feedback.satisfaction.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The answers received in one time bucket (a minute, an hour or a day, {@link BucketSize}), one {@link AnswerCounts}
 * per (service type, channel, timeliness) seen in it: "all" of either is the sum of the cells when read.
 *
 * @param id    the bucket's id ({@link BucketSize#id})
 * @param start the bucket's first instant
 * @param seq   the stream position of the last answer counted (set by the projection: {@code SequencedDocuments})
 */
public record FigureBucket(@BsonId String id, Instant start, List<AnswerCounts> cells, long seq) {

    static final String SEQ = "seq";
    static final String START = "start";

    static FigureBucket empty(String id, Instant start) {
        return new FigureBucket(id, start, List.of(), -1);
    }

    /** This bucket with {@code answer} counted, at stream position {@code position}. */
    FigureBucket plus(Answer answer, long position) {
        List<AnswerCounts> next = new ArrayList<>(cells == null ? List.of() : cells);
        String timeliness = answer.timeliness().name();
        int at = -1;
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).isOf(answer.serviceType(), answer.channel(), timeliness)) {
                at = i;
            }
        }
        if (at < 0) {
            next.add(AnswerCounts.none(answer.serviceType(), answer.channel(), timeliness).plus(answer));
        } else {
            next.set(at, next.get(at).plus(answer));
        }
        return new FigureBucket(id, start, List.copyOf(next), position);
    }
}
