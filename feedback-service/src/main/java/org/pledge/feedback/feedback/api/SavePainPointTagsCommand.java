package org.pledge.feedback.feedback.api;

import java.time.Instant;
import java.util.List;

import org.pledge.platform.api.CommandTarget;

/**
 * Replaces the pain-point tag list (created if missing). The same list again records nothing. A {@code seed} only
 * creates the list: once it exists, a seed changes nothing.
 */
public record SavePainPointTagsCommand(@CommandTarget String listId, List<PainPointTag> tags, boolean seed, String savedBy,
                                       Instant savedAt) {

    /** The one list there is. */
    public static final String LIST_ID = "pain-point-tags";
}
