package org.pledge.platform.privacy;

/**
 * Personal data cannot be stored or read as it must be: a value marked on a type that is not a {@code String}, a
 * missing subject, a ciphertext that fails authentication, a key wrapped by a master key that is not configured. Its
 * message names types, components, subject references and key ids, never a value.
 */
public class PersonalDataException extends IllegalStateException {

    public PersonalDataException(String message) {
        super(message);
    }

    public PersonalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
