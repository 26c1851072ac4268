package org.pledge.platform.messaging.consume;

/** What a service does with one inbound integration event (map it to a local command, usually). */
@FunctionalInterface
public interface InboundEventHandler {

    /** Throw to make the binder retry (with back-off) and finally park the message on the dead-letter topic. */
    void handle(InboundCloudEvent event) throws Exception;
}
