package org.pledge.cases.casefile.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pledge.cases.casefile.api.CaseIds;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.PreferredChannel;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.platform.security.ActorMetadata;
import org.springframework.stereotype.Component;

/**
 * What a case started as: its {@link CaseSubmittedEvent} (sequence 0 of its stream), who submitted it and who owns
 * it, read from the event store, never from a projection. The integration publisher, the follow-up consumer and the
 * channels' access checks need these facts at once and exactly; a projection could lag behind the event being
 * published or be in mid-replay. {@code readEvents(caseId, 0)} reads the stored events, not a snapshot.
 *
 * <p>Two look-ups:
 * <ul>
 *   <li>{@link #find}: the {@link CaseOrigin}, the facts needed on the hot path (every published case event, every
 *       channel's withdrawal) and no personal data. The first event of a stream never changes, so these are cached
 *       (bounded, {@value #CACHE_SIZE} cases per instance; every instance derives the same answer).</li>
 *   <li>{@link #submission}: the whole {@link CaseSubmittedEvent}, with the applicant's name and contact points
 *       (PERSONAL DATA), for the rare caller that needs them (a follow-up copies the client from the earlier case).
 *       Read from the event store on every call and never cached: no personal data is kept in memory beyond the
 *       call.</li>
 * </ul>
 */
@Component
public class CaseOrigins {

    static final int CACHE_SIZE = 5_000;

    /**
     * The facts of a case's submission that later steps need, without personal data: no applicant name, email,
     * phone or postal address (the applicant's {@code reference} is the channel's opaque reference).
     *
     * @param serviceTypeCode    the service applied for
     * @param channel            where the application came in
     * @param applicantReference the channel's opaque reference for the client
     * @param preferredLanguage  the client's language (BCP 47 tag)
     * @param preferredChannel   how the client wants to be told
     * @param guaranteed         whether the standard was guaranteed at submission
     * @param feePaid            the fee paid
     * @param submittedBy        who submitted it (the {@code actor} metadata; a follow-up's requesting service), may be
     *                           null for system commands
     * @param owner              the channel client the case belongs to, for "a channel acts only on its own cases":
     *                           the submitter, or for a follow-up the earlier case's owner
     */
    public record CaseOrigin(String serviceTypeCode, SubmissionChannel channel, String applicantReference,
                             String preferredLanguage, PreferredChannel preferredChannel, boolean guaranteed, Money feePaid,
                             String submittedBy, String owner) {

        static CaseOrigin of(CaseSubmittedEvent e, String actor) {
            var applicant = e.applicant();
            return new CaseOrigin(e.serviceTypeCode(), e.channel(), applicant == null ? null : applicant.reference(),
                    applicant == null ? null : applicant.preferredLanguage(), applicant == null ? null : applicant.preferredChannel(),
                    e.guaranteed(), e.feePaid(), actor, e.ownerGiven(actor));
        }
    }

    private final EventStore eventStore;
    private final Map<String, CaseOrigin> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CaseOrigin> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    public CaseOrigins(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The case's origin (no personal data; cached), or empty when no case has this id. */
    public Optional<CaseOrigin> find(String caseId) {
        CaseOrigin cached = cache.get(caseId);
        if (cached != null) {
            return Optional.of(cached);
        }
        return first(caseId).map(first -> origin(caseId, first));
    }

    /**
     * The case's whole submission, with the applicant's PERSONAL DATA, read from the event store on every call (never
     * cached), or empty when no case has this id. Use {@link #find} unless the name or contact points are needed.
     */
    public Optional<CaseSubmittedEvent> submission(String caseId) {
        return first(caseId).map(first -> {
            origin(caseId, first); // the non-personal facts may as well be cached
            return (CaseSubmittedEvent) first.getPayload();
        });
    }

    /**
     * Caches the origin of a case from its submission event as it passes by (the integration publisher sees it first),
     * so that the case's next events need no read of the event store. Nothing for any other event.
     */
    public void learn(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain && domain.getSequenceNumber() == 0
                && domain.getPayload() instanceof CaseSubmittedEvent submitted) {
            origin(submitted.caseId(), domain);
        }
    }

    /** The cached origin, if any: for tests that check what the cache holds. */
    Optional<CaseOrigin> cached(String caseId) {
        return Optional.ofNullable(cache.get(caseId));
    }

    private CaseOrigin origin(String caseId, DomainEventMessage<?> first) {
        Object actor = first.getMetaData().get(ActorMetadata.ACTOR);
        CaseOrigin origin = CaseOrigin.of((CaseSubmittedEvent) first.getPayload(), actor == null ? null : actor.toString());
        cache.put(caseId, origin);
        return origin;
    }

    /** The first stored event of the case, checked to be its submission, or empty when there is no such case. */
    private Optional<DomainEventMessage<?>> first(String caseId) {
        DomainEventStream stream = eventStore.readEvents(caseId, 0L);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        if (!CaseIds.AGGREGATE_TYPE.equals(first.getType()) || !(first.getPayload() instanceof CaseSubmittedEvent)) {
            // another kind of aggregate under this id (a calendar, a service type), or a case stream without its
            // submission: not a case anyone can read or act on
            return Optional.empty();
        }
        return Optional.of(first);
    }
}
