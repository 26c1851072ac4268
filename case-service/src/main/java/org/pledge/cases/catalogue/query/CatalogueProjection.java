package org.pledge.cases.catalogue.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.pledge.cases.catalogue.api.BusinessCalendarPublishedEvent;
import org.pledge.cases.catalogue.api.ServiceTypeDefinedEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code service_types} (newest revision per code, {@link ServiceTypeDocument}) and {@code business_calendars}
 * (every published version, {@link CalendarDocument}) for {@link MongoCatalogue}.
 *
 * <p>Every write is idempotent and monotone, each one atomic on one document: a service type is replaced only if the
 * stored revision is lower than the event's (an older or equal revision changes nothing), and a calendar version is
 * inserted only if absent (published versions never change). So there is no reset handler: a rebuild (resetting
 * the group's tokens) replays over the stored documents and converges to the same state, while the catalogue stays
 * readable throughout. Emptying the collections instead would make every submission fail until the replay caught
 * up, since the Case aggregate looks up the service type and the current calendar here.
 *
 * <p>What a rebuild therefore cannot do: remove a document no event explains, or rewrite a stored revision or
 * version in a new shape. For that, stop the service, drop both collections, then reset the group.
 */
@Component
@ProcessingGroup(CatalogueProjection.GROUP)
class CatalogueProjection {

    static final String GROUP = "catalogue";

    private final MongoCatalogue catalogue;

    CatalogueProjection(MongoCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @EventHandler
    void on(ServiceTypeDefinedEvent e) {
        try {
            // matches only an older revision; when none is stored the upsert inserts, when this or a newer one is
            // stored the insert collides on _id
            catalogue.serviceTypes().replaceOne(Filters.and(Filters.eq(ServiceTypeDocument.CODE, e.code()),
                    Filters.lt(ServiceTypeDocument.REVISION, e.revision())), ServiceTypeDocument.of(e), new ReplaceOptions().upsert(true));
        } catch (MongoWriteException ex) {
            requireDuplicateKey(ex); // this revision or a newer one is stored already
        }
    }

    @EventHandler
    void on(BusinessCalendarPublishedEvent e) {
        try {
            catalogue.calendars().insertOne(CalendarDocument.of(e));
        } catch (MongoWriteException ex) {
            requireDuplicateKey(ex); // stored already (a replay or a redelivery): published versions never change
        }
    }

    private static void requireDuplicateKey(MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
            throw e;
        }
    }
}
