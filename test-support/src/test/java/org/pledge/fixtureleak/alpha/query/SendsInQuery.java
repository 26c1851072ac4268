package org.pledge.fixtureleak.alpha.query;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends to the broker outside the integration package. */
public class SendsInQuery {

    public void send(Producer<String, Object> kafka, Object internalEvent) {
        kafka.send(new ProducerRecord<>("pledge.alpha.v1", internalEvent));
    }
}
