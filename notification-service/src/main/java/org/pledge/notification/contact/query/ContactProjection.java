package org.pledge.notification.contact.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.pledge.notification.contact.api.ContactPreferencesSetEvent;
import org.pledge.notification.contact.api.ContactRecordedEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link Contacts} in step with the contacts' events; idempotent, so a replay rebuilds it. A replay after an
 * erasure reads the subject's events as erased and writes the contact erased again.
 */
@Component
@ProcessingGroup(ContactProjection.GROUP)
class ContactProjection {

    static final String GROUP = "contacts";

    private final Contacts contacts;

    ContactProjection(Contacts contacts) {
        this.contacts = contacts;
    }

    @EventHandler
    void on(ContactRecordedEvent event, @SequenceNumber long sequence) {
        contacts.record(event, sequence);
    }

    @EventHandler
    void on(ContactPreferencesSetEvent event, @SequenceNumber long sequence) {
        contacts.record(event, sequence);
    }

    @ResetHandler
    void reset() {
        contacts.deleteAll();
    }
}
