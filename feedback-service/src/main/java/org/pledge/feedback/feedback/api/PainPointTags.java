package org.pledge.feedback.feedback.api;

import java.util.List;

/** The pain-point tags clients can name now (admin's list, in its order). */
public interface PainPointTags {

    List<PainPointTag> current();
}
