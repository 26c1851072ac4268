package org.pledge.fixtureclean.alpha.query;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.pledge.fixtureclean.alpha.api.AlphaOpened;

/** A read model: the one place that touches its collection. */
public class AlphaViews {

    private final MongoCollection<Document> views;

    public AlphaViews(MongoCollection<Document> views) {
        this.views = views;
    }

    public void on(AlphaOpened event) {
        views.insertOne(new Document("_id", event.id()));
    }
}
