package org.pledge.platform.privacy;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM as used here, for values and for wrapping keys alike: a fresh random 96-bit IV per message, a 128-bit tag,
 * and associated data that binds the ciphertext to what it belongs to. The sealed form is {@code iv | ciphertext | tag}.
 */
final class Aead {

    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** {@code Cipher.getInstance} looks the provider up each time (microseconds): one instance per thread, re-initialised. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    });

    private Aead() {
    }

    /** {@code iv | ciphertext | tag} of {@code plaintext} under {@code key}, bound to {@code aad}. */
    static byte[] seal(SecretKey key, byte[] aad, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] sealed = new byte[IV_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(iv, 0, sealed, 0, IV_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, IV_BYTES);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * The plaintext of {@code sealed}, or a {@link PersonalDataException} when it is not what {@code key} sealed with
     * {@code aad} (changed, cut, or sealed under another key or for another subject).
     */
    static byte[] open(SecretKey key, byte[] aad, byte[] sealed, String what) {
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new PersonalDataException(what + " is too short to be AES-GCM output");
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(sealed, IV_BYTES)));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new PersonalDataException(what + " failed authentication: changed, or not sealed by this key for this subject");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** {@code n} random bytes from the shared {@link SecureRandom}. */
    static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
