package org.pledge.cases.catalogue.api;

import java.util.Optional;

/** Where service types are looked up (port; the Mongo-backed catalogue comes with the catalogue's persistence). */
public interface ServiceCatalogue {

    Optional<ServiceType> find(String serviceTypeCode);
}
