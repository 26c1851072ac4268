package org.pledge.platform.privacy;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.privacy.*}: the master key that wraps every data subject's key, and how keys are cached.
 *
 * <pre>
 * pledge:
 *   privacy:
 *     master-key: ${PLEDGE_PRIVACY_MASTER_KEY}        # base64 of 32 random bytes (openssl rand -base64 32)
 *     master-key-id: 2026-03                           # names the key in every wrapped key
 *     previous-master-keys:                            # during a rotation: the keys wrapped before, by id
 *       2025-09: ${PLEDGE_PRIVACY_PREVIOUS_MASTER_KEY}
 * </pre>
 *
 * @param masterKey                  base64 of 32 bytes (AES-256); from the environment or a secret, never a file in git
 * @param masterKeyId                the id the wrapped keys name ({@code [A-Za-z0-9._-]{1,64}}); required with a key
 * @param previousMasterKeys         earlier master keys by id, to read and re-wrap what they wrapped
 * @param devKey                     without a master key: generate one once, keep it in the service's database
 *                                   (collection {@code privacy_dev_master_key}) and say so with a WARN line. Tests and
 *                                   the local stack only
 * @param keyCacheTtl                how long an unwrapped key (or a tombstone) is used from memory: another instance's
 *                                   erasure stops this one decrypting within this time (its own at once)
 * @param keyCacheSize               the most subjects whose keys are kept in memory
 * @param erasureCompletionInterval  how often erasures a crash left unfinished are completed (also once at start-up)
 * @param encryption                 {@code false} stores marked values in clear (a WARN line says so): only for the
 *                                   benchmark's "encryption off" run, never in production
 */
@ConfigurationProperties("pledge.privacy")
public record PrivacyProperties(
        String masterKey,
        String masterKeyId,
        @DefaultValue Map<String, String> previousMasterKeys,
        @DefaultValue("false") boolean devKey,
        @DefaultValue("30s") Duration keyCacheTtl,
        @DefaultValue("10000") int keyCacheSize,
        @DefaultValue("1m") Duration erasureCompletionInterval,
        @DefaultValue("true") boolean encryption) {

    public PrivacyProperties {
        previousMasterKeys = previousMasterKeys == null ? Map.of() : Map.copyOf(previousMasterKeys);
        keyCacheTtl = keyCacheTtl == null ? Duration.ofSeconds(30) : keyCacheTtl;
        erasureCompletionInterval = erasureCompletionInterval == null ? Duration.ofMinutes(1) : erasureCompletionInterval;
        if (keyCacheTtl.isNegative()) {
            throw new IllegalArgumentException("pledge.privacy.key-cache-ttl must not be negative");
        }
        if (keyCacheSize < 1) {
            throw new IllegalArgumentException("pledge.privacy.key-cache-size must be at least 1");
        }
        if (erasureCompletionInterval.isNegative() || erasureCompletionInterval.isZero()) {
            throw new IllegalArgumentException("pledge.privacy.erasure-completion-interval must be positive");
        }
    }
}
