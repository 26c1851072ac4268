package org.pledge.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.pledge.platform.api.PersonalData;

/**
 * One personal value in and out of its stored form, field by field.
 *
 * <p>The stored form is one string that a reader decrypts without any sibling field:
 * <pre>
 *   pd1:&lt;keyId&gt;:&lt;base64url(subjectRef)&gt;:&lt;base64url(iv | ciphertext | tag)&gt;
 * </pre>
 * {@code pd1} is the format's version; {@code keyId} names the subject's key ({@code [A-Za-z0-9_-]}); the subject
 * reference is base64url (no padding) so that any reference fits; the value is AES-256-GCM under the subject's key with
 * a fresh random 96-bit IV and a 128-bit tag, and associated data {@code "pd1" NUL keyId NUL subjectRef}, so a
 * ciphertext moved to another subject, or named with another key, does not decrypt.
 *
 * <p>Reading: a string in this form decrypts to its value, or reads as {@link PersonalData#ERASED} when the subject's
 * key is gone (erased, or never there); a string not in this form (stored in clear before encryption, or the marker
 * itself) reads as itself. A ciphertext that fails authentication (changed in the database) is an error, not an
 * erasure. Writing: an erased subject's value (and the marker itself) is stored as the marker; null stays null.
 */
public final class PersonalDataCipher {

    /** The version prefix of the stored form. */
    public static final String PREFIX = "pd1:";
    private static final Pattern B64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final DataSubjectKeyStore keys;

    public PersonalDataCipher(DataSubjectKeyStore keys) {
        this.keys = keys;
    }

    /** What to store for {@code value} of {@code subjectRef}: its ciphertext, or the marker once the subject is erased. */
    public String protect(String subjectRef, String value) {
        if (value == null || PersonalData.ERASED.equals(value)) {
            return value;
        }
        if (subjectRef == null || subjectRef.isBlank()) {
            throw new PersonalDataException("personal data without a data subject cannot be stored");
        }
        Optional<SubjectKey> key = keys.keyToWrite(subjectRef);
        if (key.isEmpty()) {
            return PersonalData.ERASED;
        }
        byte[] sealed = Aead.seal(key.get().key(), aad(key.get().keyId(), subjectRef), value.getBytes(StandardCharsets.UTF_8));
        return PREFIX + key.get().keyId() + ":" + ENCODER.encodeToString(subjectRef.getBytes(StandardCharsets.UTF_8)) + ":"
                + ENCODER.encodeToString(sealed);
    }

    /** The value {@code stored} holds: decrypted, the marker once its key is gone, or itself when not in the format. */
    public String reveal(String stored) {
        Optional<Parsed> parsed = parse(stored);
        if (parsed.isEmpty()) {
            return stored;
        }
        Parsed p = parsed.get();
        Optional<SubjectKey> key = keys.keyToRead(p.subjectRef());
        if (key.isEmpty() || !key.get().keyId().equals(p.keyId())) {
            return PersonalData.ERASED;
        }
        byte[] plain = Aead.open(key.get().key(), aad(p.keyId(), p.subjectRef()), p.sealed(),
                "a personal value of data subject " + p.subjectRef());
        return new String(plain, StandardCharsets.UTF_8);
    }

    /** Whether the subject is erased: then a value stored in clear for it (before encryption) reads as the marker. */
    public boolean isErased(String subjectRef) {
        return subjectRef != null && keys.isErased(subjectRef);
    }

    /** Whether {@code stored} is in the stored form (whatever its key). */
    public static boolean isCiphertext(String stored) {
        return parse(stored).isPresent();
    }

    /** The subject a stored value names, when it is in the stored form. */
    public static Optional<String> subjectOf(String stored) {
        return parse(stored).map(Parsed::subjectRef);
    }

    private record Parsed(String keyId, String subjectRef, byte[] sealed) {
    }

    private static Optional<Parsed> parse(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = stored.split(":", -1);
        if (parts.length != 4 || !B64URL.matcher(parts[1]).matches() || !B64URL.matcher(parts[2]).matches()
                || !B64URL.matcher(parts[3]).matches()) {
            return Optional.empty();
        }
        try {
            String subjectRef = new String(DECODER.decode(parts[2]), StandardCharsets.UTF_8);
            byte[] sealed = DECODER.decode(parts[3]);
            if (sealed.length < Aead.IV_BYTES + Aead.TAG_BITS / 8) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(parts[1], subjectRef, sealed));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not base64url after all: a value in clear that happens to start like one
        }
    }

    private static byte[] aad(String keyId, String subjectRef) {
        return ("pd1\u0000" + keyId + "\u0000" + subjectRef).getBytes(StandardCharsets.UTF_8);
    }
}
