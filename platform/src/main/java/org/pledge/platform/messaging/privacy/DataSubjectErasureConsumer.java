package org.pledge.platform.messaging.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.privacy.DataSubjectErasedV1;
import org.pledge.platform.messaging.consume.InboundCloudEvent;
import org.pledge.platform.messaging.consume.InboundEventHandler;
import org.pledge.platform.privacy.DataSubjectErasures;
import org.pledge.platform.privacy.api.RequestedThrough;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every service does with {@code pledge.privacy.data-subject-erased.v1} (consumer {@value #CONSUMER}, bound by the
 * platform in every service): erases the subject here like a local request (key, read models, an erasure event of its
 * own), with {@code requestedThrough = pledge.privacy.v1} so that it is not published again. Its own erasures coming
 * back are skipped; a subject erased here already is left as it is. Other types on the topic are skipped. A message
 * that breaks its schema goes to {@code pledge.privacy.v1.dlq} after the retries.
 */
public class DataSubjectErasureConsumer implements InboundEventHandler {

    /** The consumer's name: its bean, its binding ({@code privacyEvents-in-0}) and its deduplication key. */
    public static final String CONSUMER = "privacyEvents";
    private static final Logger log = LoggerFactory.getLogger(DataSubjectErasureConsumer.class);

    private final DataSubjectErasures erasures;
    private final ObjectMapper objectMapper;
    private final String applicationName;

    public DataSubjectErasureConsumer(DataSubjectErasures erasures, ObjectMapper objectMapper, String applicationName) {
        this.erasures = erasures;
        this.objectMapper = objectMapper;
        this.applicationName = applicationName;
    }

    @Override
    public void handle(InboundCloudEvent event) {
        if (!EventTypes.PRIVACY_DATA_SUBJECT_ERASED.name().equals(event.type())) {
            log.debug("{} skips {} {}", CONSUMER, event.type(), event.id());
            return;
        }
        DataSubjectErasedV1 erased = event.contractData(DataSubjectErasedV1.class, objectMapper);
        if (applicationName.equals(event.sourceService())) {
            return; // this service's own erasure, back from the topic: done here before it was published
        }
        erasures.erase(erased.subjectRef(), erased.reason(), event.sourceService(), RequestedThrough.TOPIC,
                event.commandMetaData());
        log.info("Erased data subject {} after {}'s erasure ({})", erased.subjectRef(), event.sourceService(), erased.reason());
    }
}
