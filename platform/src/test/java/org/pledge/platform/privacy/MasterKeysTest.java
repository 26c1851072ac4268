package org.pledge.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.testsupport.infra.MemoryMongo;

/** Where the master key comes from: configuration, a development key kept in the database, or a clear refusal. */
class MasterKeysTest {

    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo();

    private static final String KEY = Base64.getEncoder().encodeToString(PrivacyFixture.MASTER);

    private static PrivacyProperties props(String key, String id, Map<String, String> previous, boolean dev) {
        return new PrivacyProperties(key, id, previous, dev, Duration.ofSeconds(30), 100, Duration.ofMinutes(1), true);
    }

    @Test
    void resolve_takesTheConfiguredKey_andItsPreviousKeys() {
        MasterKeys keys = MasterKeyResolver.resolve(props(KEY, "2026-03",
                Map.of("2025-09", Base64.getEncoder().encodeToString(PrivacyFixture.OTHER_MASTER)), false), MONGO.database("mk-1"));

        assertThat(keys.currentId()).isEqualTo("2026-03");
        assertThat(keys.ids()).containsExactlyInAnyOrder("2026-03", "2025-09");
        assertThat(keys.toString()).doesNotContain(KEY);
    }

    @Test
    void resolve_failsClearly_withoutAKeyAndWithoutDevKey() {
        assertThatThrownBy(() -> MasterKeyResolver.resolve(props(null, null, Map.of(), false), MONGO.database("mk-2")))
                .isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("pledge.privacy.master-key").hasMessageContaining("pledge.privacy.dev-key=true");
    }

    @Test
    void resolve_failsClearly_onAKeyOfTheWrongSize_orWithoutId_neverRepeatingTheKey() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> MasterKeyResolver.resolve(props(short16, "m1", Map.of(), false), MONGO.database("mk-3")))
                .isInstanceOf(PersonalDataException.class).hasMessageContaining("32 bytes").hasMessageNotContaining(short16);
        assertThatThrownBy(() -> MasterKeyResolver.resolve(props("not*base64", "m1", Map.of(), false), MONGO.database("mk-3")))
                .isInstanceOf(PersonalDataException.class).hasMessageContaining("base64").hasMessageNotContaining("not*base64");
        assertThatThrownBy(() -> MasterKeyResolver.resolve(props(KEY, null, Map.of(), false), MONGO.database("mk-3")))
                .isInstanceOf(PersonalDataException.class).hasMessageContaining("master-key-id");
        assertThatThrownBy(() -> MasterKeyResolver.resolve(props(KEY, "has space", Map.of(), false), MONGO.database("mk-3")))
                .isInstanceOf(PersonalDataException.class).hasMessageContaining("master key");
    }

    @Test
    void devKey_isMadeOnce_andKeptInTheDatabase_soARestartReadsWhatWasWritten() {
        var database = MONGO.database("mk-dev");
        MasterKeys first = MasterKeyResolver.resolve(props(null, null, Map.of(), true), database);
        PrivacyFixture before = new PrivacyFixture(database, first, Duration.ofSeconds(30));
        String stored = before.cipher.protect("ref-1", "Marie");

        MasterKeys restarted = MasterKeyResolver.resolve(props(null, null, Map.of(), true), database);
        PrivacyFixture after = new PrivacyFixture(database, restarted, Duration.ofSeconds(30));

        assertThat(first.currentId()).startsWith("dev-").isEqualTo(restarted.currentId());
        assertThat(after.cipher.reveal(stored)).isEqualTo("Marie");
        // moving to a real key: the development key still unwraps (and is re-wrapped from)
        MasterKeys real = MasterKeyResolver.resolve(props(Base64.getEncoder().encodeToString(PrivacyFixture.OTHER_MASTER), "prod-1",
                Map.of(), true), database);
        assertThat(real.currentId()).isEqualTo("prod-1");
        assertThat(real.knows(first.currentId())).isTrue();
        PrivacyFixture moved = new PrivacyFixture(database, real, Duration.ofSeconds(30));
        assertThat(moved.keys.rewrap().rewrapped()).isEqualTo(1);
        assertThat(moved.cipher.reveal(stored)).isEqualTo("Marie");
    }
}
