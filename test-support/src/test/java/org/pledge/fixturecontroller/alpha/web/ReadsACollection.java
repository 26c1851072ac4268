package org.pledge.fixturecontroller.alpha.web;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.stereotype.Controller;

@Controller
public class ReadsACollection {

    public long count(MongoCollection<Document> cases) {
        return cases.countDocuments();
    }
}
