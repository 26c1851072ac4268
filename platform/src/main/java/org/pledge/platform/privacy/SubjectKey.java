package org.pledge.platform.privacy;

import javax.crypto.SecretKey;

/**
 * A data subject's key, unwrapped: in memory only (the key store keeps it wrapped by the master key).
 *
 * @param subjectRef the data subject
 * @param keyId      the key's id, named in every value it encrypted
 * @param key        the AES-256 key
 */
record SubjectKey(String subjectRef, String keyId, SecretKey key) {

    @Override
    public String toString() {
        return "SubjectKey[" + subjectRef + ", " + keyId + "]"; // never the key
    }
}
