package org.pledge.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.serialization.Revision;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.pledge.platform.api.EventRevision;

class EventRevisionsTest {

    @EventRevision("2")
    record SubmittedEvent(String caseId) {
    }

    @Revision("3")
    record AxonRevisedEvent(String caseId) {
    }

    record UnrevisedEvent(String caseId) {
    }

    private final EventRevisions revisions = new EventRevisions();

    @Test
    void givesTheRevision_ofEventRevision() {
        assertThat(revisions.revisionOf(SubmittedEvent.class)).isEqualTo("2");
    }

    @Test
    void givesTheRevision_ofAxonsRevision() {
        assertThat(revisions.revisionOf(AxonRevisedEvent.class)).isEqualTo("3");
    }

    @Test
    void givesNoRevision_toAnUnannotatedPayload() {
        assertThat(revisions.revisionOf(UnrevisedEvent.class)).isNull();
    }

    @Test
    void givesTheRevision_thatASerializerStoresWithThePayload() {
        JacksonSerializer serializer = JacksonSerializer.builder().revisionResolver(revisions).build();

        assertThat(serializer.serialize(new SubmittedEvent("case-1"), String.class).getType().getRevision()).isEqualTo("2");
        assertThat(serializer.serialize(new UnrevisedEvent("case-1"), String.class).getType().getRevision()).isNull();
    }
}
