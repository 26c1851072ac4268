package org.pledge.platform.messaging.consume;

/** A message that is not a valid binary-mode CloudEvent. Retried like any failure, then parked on the dead-letter topic. */
public class InvalidCloudEventException extends RuntimeException {

    public InvalidCloudEventException(String message) {
        super(message);
    }

    public InvalidCloudEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
