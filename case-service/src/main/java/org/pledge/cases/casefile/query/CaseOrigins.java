package org.pledge.cases.casefile.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.platform.security.ActorMetadata;
import org.springframework.stereotype.Component;

/**
 * What a case started as: its {@link CaseSubmittedEvent} (sequence 0 of its stream) and who submitted it, read
 * from the event store, never from a projection. The integration publisher and the follow-up consumer need these
 * facts at once and exactly; a projection could lag behind the event being published or be in mid-replay.
 *
 * <p>The first event of a stream never changes, so the answer is cached (bounded, per instance; every instance
 * derives the same answer). {@code readEvents(caseId, 0)} reads the stored events, not a snapshot.
 * The cache holds the applicant's personal data in memory only, for at most {@value #CACHE_SIZE} cases.
 */
@Component
public class CaseOrigins {

    static final int CACHE_SIZE = 5_000;

    /** The case's submission and its submitter (the {@code actor} metadata), which may be null for system commands. */
    public record CaseOrigin(CaseSubmittedEvent submitted, String submittedBy) {
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

    /** The case's origin, or empty when no case has this id. */
    public Optional<CaseOrigin> find(String caseId) {
        CaseOrigin cached = cache.get(caseId);
        if (cached != null) {
            return Optional.of(cached);
        }
        DomainEventStream stream = eventStore.readEvents(caseId, 0L);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        if (!(first.getPayload() instanceof CaseSubmittedEvent submitted)) {
            throw new IllegalStateException("the first event of " + caseId + " is not a CaseSubmittedEvent");
        }
        Object actor = first.getMetaData().get(ActorMetadata.ACTOR);
        CaseOrigin origin = new CaseOrigin(submitted, actor == null ? null : actor.toString());
        cache.put(caseId, origin);
        return Optional.of(origin);
    }
}
