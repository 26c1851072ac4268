package org.pledge.feedback.feedback.api;

import java.time.Instant;
import java.util.List;

/** The pain-point tag list is now {@code tags}, its {@code version}-th content (1 for the first). */
public record PainPointTagsSavedEvent(String listId, List<PainPointTag> tags, int version, String savedBy, Instant savedAt) {
}
