package org.pledge.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The service's master keys: the current one, which wraps every new data subject key (and re-wraps old ones), and the
 * previous ones, which only unwrap. A wrapped key is {@code base64url(iv | AES-GCM(master, dataKey) | tag)}, bound by
 * its associated data to the subject, the data key's id and the master key's id, so a wrapped key copied to another
 * subject, or named with another master key, does not unwrap.
 */
public final class MasterKeys {

    /** What a master key id may look like. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private MasterKeys(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /**
     * Master keys from their raw bytes (32 each): {@code current} under {@code currentId}, and {@code previous} by id.
     * A previous key under the current id is ignored.
     */
    public static MasterKeys of(String currentId, byte[] current, Map<String, byte[]> previous) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keys.put(requireId(currentId, "the current master key"), aesKey(current, "master key " + currentId));
        previous.forEach((id, key) -> {
            if (!id.equals(currentId)) {
                keys.put(requireId(id, "a previous master key"), aesKey(key, "previous master key " + id));
            }
        });
        return new MasterKeys(currentId, Map.copyOf(keys));
    }

    /** The bytes of a base64 (or base64url) master key of 32 bytes; the message never repeats the value. */
    public static byte[] decode(String base64, String property) {
        byte[] bytes;
        try {
            String trimmed = base64.strip();
            bytes = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(trimmed) : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new PersonalDataException(property + " is not base64 (a master key is 32 random bytes in base64, "
                    + "e.g. from `openssl rand -base64 32`)");
        }
        if (bytes.length != Aead.KEY_BYTES) {
            throw new PersonalDataException(property + " must be 32 bytes (AES-256) in base64, not " + bytes.length);
        }
        return bytes;
    }

    public String currentId() {
        return currentId;
    }

    /** Whether a key of this id is configured (current or previous). */
    public boolean knows(String id) {
        return keys.containsKey(id);
    }

    /** The ids of every configured key. */
    public Set<String> ids() {
        return keys.keySet();
    }

    /** {@code dataKey} wrapped by the current master key, for {@code subjectRef}'s key {@code keyId}. */
    String wrap(String subjectRef, String keyId, byte[] dataKey) {
        byte[] sealed = Aead.seal(keys.get(currentId), aad(subjectRef, keyId, currentId), dataKey);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /** The data key that {@code wrapped} holds; fails when its master key is not configured or it does not unwrap. */
    byte[] unwrap(String subjectRef, String keyId, String masterKeyId, String wrapped) {
        SecretKey master = keys.get(masterKeyId);
        if (master == null) {
            throw new PersonalDataException("the key of data subject " + subjectRef + " is wrapped by master key '" + masterKeyId
                    + "', which is not configured: add it to pledge.privacy.previous-master-keys (docs/privacy.md, rotation)");
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(wrapped);
        } catch (IllegalArgumentException e) {
            throw new PersonalDataException("the wrapped key of data subject " + subjectRef + " is not base64url");
        }
        return Aead.open(master, aad(subjectRef, keyId, masterKeyId), sealed, "the wrapped key of data subject " + subjectRef);
    }

    private static byte[] aad(String subjectRef, String keyId, String masterKeyId) {
        return ("pledge-dsk1\u0000" + subjectRef + "\u0000" + keyId + "\u0000" + masterKeyId).getBytes(StandardCharsets.UTF_8);
    }

    static SecretKey aesKey(byte[] bytes, String what) {
        if (bytes == null || bytes.length != Aead.KEY_BYTES) {
            throw new PersonalDataException(what + " must be 32 bytes (AES-256)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String requireId(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new PersonalDataException("the id of " + what + " must match " + ID.pattern());
        }
        return id;
    }

    @Override
    public String toString() {
        return "MasterKeys[current=" + currentId + ", ids=" + keys.keySet() + "]";
    }
}
