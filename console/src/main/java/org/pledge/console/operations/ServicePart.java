package org.pledge.console.operations;

import org.pledge.console.services.Service;

/**
 * One service's part of a page: what the service answered, or, when it could not answer (down, refused, a problem),
 * a note in plain words. A page made of several services' parts shows every part it has and a note for each other.
 *
 * @param service the service asked
 * @param value   its answer, or null when it gave none (then {@code note} says why)
 * @param note    what went wrong in the person's language, or null when the service answered
 */
public record ServicePart<T>(Service service, T value, String note) {

    public boolean ok() {
        return note == null;
    }
}
