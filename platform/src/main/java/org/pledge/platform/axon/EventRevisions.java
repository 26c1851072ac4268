package org.pledge.platform.axon;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.pledge.platform.api.EventRevision;

/**
 * The revision stored with a payload: its {@link EventRevision}, else Axon's {@code @Revision}, else none. The
 * platform's serializers use it; a test that serializes events as the event store does builds its serializer with it.
 */
public final class EventRevisions implements RevisionResolver {

    private final RevisionResolver axonAnnotations = new AnnotationRevisionResolver();

    @Override
    public String revisionOf(Class<?> payloadType) {
        EventRevision revision = payloadType.getAnnotation(EventRevision.class);
        return revision != null ? revision.value() : axonAnnotations.revisionOf(payloadType);
    }
}
