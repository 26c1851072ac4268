package org.pledge.notification.contact.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.BsonDocument;
import org.pledge.notification.contact.api.ContactDirectory;
import org.pledge.notification.contact.api.ContactIds;
import org.pledge.notification.contact.api.ContactPoints;
import org.pledge.notification.contact.api.ContactPreferencesSetEvent;
import org.pledge.notification.contact.api.ContactRecordedEvent;
import org.pledge.notification.contact.api.NewestStatement;
import org.pledge.platform.api.PersonalData;
import org.pledge.platform.privacy.PersonalDataCipher;
import org.pledge.platform.privacy.PersonalDataHolder;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.pledge.platform.readmodel.SequencedDocuments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/**
 * The {@code contacts} read model: one {@link ContactDocument} per data subject, kept by {@link ContactProjection}
 * through {@link SequencedDocuments}, its personal data stored protected ({@link PersonalDataCipher}: encrypted under
 * the subject's key) and revealed on reading.
 *
 * <p>A {@link PersonalDataHolder}: on the subject's erasure (after its key is deleted) the contact's personal data is
 * overwritten with {@link PersonalData#ERASED}. What a projection batch that read the contact before the erasure writes
 * afterwards is ciphertext under the deleted key, which reads as erased too; a replay writes it erased.
 */
@Repository
public class Contacts implements PersonalDataHolder, ContactDirectory {

    static final String COLLECTION = "contacts";

    private final MongoCollection<ContactDocument> contacts;
    private final SequencedDocuments<ContactDocument> sequenced;
    private final PersonalDataCipher cipher;
    private final ObjectProvider<EventStore> eventStore;

    public Contacts(MongoDatabaseFactory databases, PersonalDataCipher cipher, ObjectProvider<EventStore> eventStore) {
        this.eventStore = eventStore;
        this.contacts = ReadModelCodecs.collection(databases.getMongoDatabase(), COLLECTION, ContactDocument.class);
        this.cipher = cipher;
        // the compare-and-set of SequencedDocuments filters on exactly {_id, seq}
        contacts.createIndex(Indexes.ascending(ContactDocument.ID, ContactDocument.SEQ), new IndexOptions().unique(true));
        this.sequenced = new SequencedDocuments<>(contacts, ContactDocument.SEQ, Contacts::subjectOf);
    }

    /** The document an event changes: its subject's. */
    static String subjectOf(EventMessage<?> event) {
        if (event.getPayload() instanceof ContactRecordedEvent recorded) {
            return recorded.subjectRef();
        }
        return event.getPayload() instanceof ContactPreferencesSetEvent set ? set.subjectRef() : null;
    }

    /** A newer case's statement: replaces the contact points and the case's language and channel, keeps the preference. */
    void record(ContactRecordedEvent event, long sequence) {
        String subject = event.subjectRef();
        sequenced.apply(subject, sequence, current -> new ContactDocument(subject, protect(subject, event.name()),
                protect(subject, event.email()), protect(subject, event.phone()), protect(subject, event.postalAddress()),
                event.language(), event.preferredChannel(), event.caseId(), event.submittedAt(), event.recordedAt(),
                current == null ? null : current.statedLanguage(), current == null ? null : current.statedChannel(),
                current == null ? null : current.statedAt(), sequence));
    }

    /** The client's own preference: kept beside the case's statement; which one is in force is decided on reading. */
    void record(ContactPreferencesSetEvent event, long sequence) {
        sequenced.apply(event.subjectRef(), sequence, current -> current == null ? null
                : new ContactDocument(current.subjectRef(), current.name(), current.email(), current.phone(), current.postalAddress(),
                        current.language(), current.preferredChannel(), current.caseId(), current.submittedAt(), current.recordedAt(),
                        event.language(), event.preferredChannel(), event.statedAt(), sequence));
    }

    /** Waits, bounded, until the contact shows the event at {@code sequence} (a write's response waits for it). */
    public boolean awaitSequence(String subjectRef, long sequence, Duration timeout, Duration pollInterval) {
        return sequenced.awaitSequence(subjectRef, sequence, timeout, pollInterval);
    }

    void deleteAll() {
        contacts.deleteMany(new BsonDocument());
    }

    /** What the service knows of how to reach {@code subjectRef}. */
    public Optional<ContactReading> find(String subjectRef) {
        ContactDocument stored = contacts.find(Filters.eq(ContactDocument.ID, subjectRef)).first();
        if (stored == null) {
            return cipher.isErased(subjectRef) ? Optional.of(ContactReading.erased(subjectRef)) : Optional.empty();
        }
        String name = cipher.reveal(stored.name());
        String email = cipher.reveal(stored.email());
        String phone = cipher.reveal(stored.phone());
        String postalAddress = cipher.reveal(stored.postalAddress());
        boolean erased = cipher.isErased(subjectRef) || PersonalData.ERASED.equals(name) || PersonalData.ERASED.equals(email)
                || PersonalData.ERASED.equals(phone) || PersonalData.ERASED.equals(postalAddress);
        if (erased) {
            return Optional.of(ContactReading.erased(subjectRef));
        }
        return Optional.of(new ContactReading(subjectRef, false, name, email, phone, postalAddress,
                NewestStatement.of(stored.language(), stored.submittedAt(), stored.statedLanguage(), stored.statedAt()),
                NewestStatement.of(stored.preferredChannel(), stored.submittedAt(), stored.statedChannel(), stored.statedAt()),
                stored.caseId(), stored.submittedAt(), stored.recordedAt(),
                NewestStatement.sourceOf(stored.language(), stored.submittedAt(), stored.statedLanguage(), stored.statedAt()),
                NewestStatement.sourceOf(stored.preferredChannel(), stored.submittedAt(), stored.statedChannel(), stored.statedAt()),
                stored.statedAt(), stored.seq()));
    }

    /**
     * How to reach {@code subjectRef} now, for sending ({@link ContactDirectory}): the language and channel in force, the
     * newest statement of each, whether a case's or the client's own preference. A contact the read model does not show
     * yet (its event was stored a moment ago: the notification of the very case that stated it is planned at once) is
     * read from the contact's events in the event store, so the sender never waits for the projection.
     */
    @Override
    public Optional<ContactPoints> reach(String subjectRef) {
        Optional<ContactReading> found = find(subjectRef);
        if (found.isEmpty()) {
            return fromEvents(subjectRef);
        }
        return found.map(c -> c.erased() ? ContactPoints.erased(subjectRef)
                : new ContactPoints(subjectRef, false, c.name(), c.email(), c.phone(), c.postalAddress(), c.language(),
                        c.preferredChannel()));
    }

    /** The contact folded from its stored events (from sequence 0: snapshots hold no contact points); empty when none. */
    private Optional<ContactPoints> fromEvents(String subjectRef) {
        EventStore store = eventStore.getIfAvailable();
        if (store == null) {
            return Optional.empty();
        }
        ContactRecordedEvent recorded = null;
        ContactPreferencesSetEvent preference = null;
        DomainEventStream stream = store.readEvents(ContactIds.of(subjectRef), 0L);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof ContactRecordedEvent r) {
                recorded = r; // each one stored is newer than the one before (the aggregate drops older submissions)
            } else if (payload instanceof ContactPreferencesSetEvent p) {
                preference = p;
            }
        }
        if (recorded == null) {
            return Optional.empty();
        }
        if (cipher.isErased(subjectRef) || PersonalData.ERASED.equals(recorded.name()) || PersonalData.ERASED.equals(recorded.email())
                || PersonalData.ERASED.equals(recorded.phone()) || PersonalData.ERASED.equals(recorded.postalAddress())) {
            return Optional.of(ContactPoints.erased(subjectRef));
        }
        String statedLanguage = preference == null ? null : preference.language();
        String statedChannel = preference == null ? null : preference.preferredChannel();
        Instant statedAt = preference == null ? null : preference.statedAt();
        return Optional.of(new ContactPoints(subjectRef, false, recorded.name(), recorded.email(), recorded.phone(),
                recorded.postalAddress(), NewestStatement.of(recorded.language(), recorded.submittedAt(), statedLanguage, statedAt),
                NewestStatement.of(recorded.preferredChannel(), recorded.submittedAt(), statedChannel, statedAt)));
    }

    /** Overwrites the subject's personal data with the erased marker (idempotent; nothing when there is no contact). */
    @Override
    public void erase(String subjectRef) {
        contacts.updateOne(Filters.eq(ContactDocument.ID, subjectRef), Updates.combine(
                Updates.set(ContactDocument.NAME, PersonalData.ERASED), Updates.set(ContactDocument.EMAIL, PersonalData.ERASED),
                Updates.set(ContactDocument.PHONE, PersonalData.ERASED),
                Updates.set(ContactDocument.POSTAL_ADDRESS, PersonalData.ERASED)));
    }

    private String protect(String subjectRef, String value) {
        return value == null ? null : cipher.protect(subjectRef, value);
    }
}
