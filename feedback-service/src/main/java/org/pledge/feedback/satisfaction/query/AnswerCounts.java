package org.pledge.feedback.satisfaction.query;

import java.util.ArrayList;
import java.util.List;

/**
 * The counters of one (service type, channel, timeliness) in one time bucket: sums only, so that any set of buckets
 * and cells adds up to exact figures (CSAT and means are computed when read, as decimals).
 *
 * @param satisfied  answers rated 4 or 5
 * @param ratingSum  the sum of the ratings
 * @param efforts    answers that gave an effort score (CES)
 * @param effortSum  the sum of those scores
 * @param painPoints how often each pain-point tag was named, by code
 */
public record AnswerCounts(String serviceType, String channel, String timeliness, long answers, long satisfied, long ratingSum,
                           long efforts, long effortSum, List<TagCount> painPoints) {

    /** How often a pain-point tag was named. */
    public record TagCount(String code, long count) {
    }

    boolean isOf(String serviceType, String channel, String timeliness) {
        return this.serviceType.equals(serviceType) && this.channel.equals(channel) && this.timeliness.equals(timeliness);
    }

    static AnswerCounts none(String serviceType, String channel, String timeliness) {
        return new AnswerCounts(serviceType, channel, timeliness, 0, 0, 0, 0, 0, List.of());
    }

    /** These counts with one more answer. */
    AnswerCounts plus(Answer answer) {
        List<TagCount> tags = new ArrayList<>(painPoints == null ? List.of() : painPoints);
        for (String code : answer.painPoints()) {
            int at = indexOf(tags, code);
            if (at < 0) {
                tags.add(new TagCount(code, 1));
            } else {
                tags.set(at, new TagCount(code, tags.get(at).count() + 1));
            }
        }
        boolean effort = answer.effort() != null;
        return new AnswerCounts(serviceType, channel, timeliness, answers + 1, satisfied + (answer.rating() >= 4 ? 1 : 0),
                ratingSum + answer.rating(), efforts + (effort ? 1 : 0), effortSum + (effort ? answer.effort() : 0), List.copyOf(tags));
    }

    private static int indexOf(List<TagCount> tags, String code) {
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }
}
