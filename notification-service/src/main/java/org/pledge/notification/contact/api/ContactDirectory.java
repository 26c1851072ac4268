package org.pledge.notification.contact.api;

import java.util.Optional;

/** Looks up how to reach a data subject at the moment of sending; the contact feature implements it. */
public interface ContactDirectory {

    /** Empty when no contact was ever recorded for the subject; {@link ContactPoints#erased()} once it is erased. */
    Optional<ContactPoints> reach(String subjectRef);
}
