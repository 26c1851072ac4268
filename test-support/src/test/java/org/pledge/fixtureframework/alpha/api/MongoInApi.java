package org.pledge.fixtureframework.alpha.api;

import org.bson.Document;

public record MongoInApi(Document document) {
}
