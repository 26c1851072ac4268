package org.pledge.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pledge.platform.api.PersonalData;
import org.pledge.testsupport.infra.MemoryMongo;

/** The stored form of one personal value: {@code pd1:<keyId>:<b64url(subject)>:<b64url(iv|ct|tag)>}. */
class PersonalDataCipherTest {

    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo();

    private PrivacyFixture fixture;

    @BeforeEach
    void freshDatabase() {
        fixture = new PrivacyFixture(MONGO.database("cipher-" + System.nanoTime()));
    }

    @Test
    void protect_writesTheVersionedForm_namingKeyAndSubject_andRevealReadsItBack() {
        String stored = fixture.cipher.protect("web:4711/ü", "Marie Tremblay");

        String[] parts = stored.split(":");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pd1");
        assertThat(parts[1]).matches("k[A-Za-z0-9_-]{12}");
        // the subject travels with the value (base64url: any reference fits), so a reader needs no sibling field
        assertThat(new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8)).isEqualTo("web:4711/ü");
        // iv (12) + ciphertext (14 UTF-8 bytes) + tag (16)
        assertThat(Base64.getUrlDecoder().decode(parts[3])).hasSize(12 + 14 + 16);
        assertThat(stored).doesNotContain("Marie", "Tremblay");
        assertThat(fixture.cipher.reveal(stored)).isEqualTo("Marie Tremblay");
        assertThat(PersonalDataCipher.subjectOf(stored)).contains("web:4711/ü");
    }

    @Test
    void protect_usesAFreshIvPerValue_underOneKeyPerSubject() {
        String first = fixture.cipher.protect("ref-1", "same");
        String second = fixture.cipher.protect("ref-1", "same");
        String other = fixture.cipher.protect("ref-2", "same");

        assertThat(first).isNotEqualTo(second);
        assertThat(first.split(":")[1]).isEqualTo(second.split(":")[1]);
        assertThat(other.split(":")[1]).isNotEqualTo(first.split(":")[1]);
        assertThat(first.split(":")[3].substring(0, 16)).isNotEqualTo(second.split(":")[3].substring(0, 16));
    }

    @Test
    void reveal_readsTheMarker_whenTheSubjectIsErased_andNewValuesAreStoredAsTheMarker() {
        String stored = fixture.cipher.protect("ref-1", "marie@example.org");
        fixture.keys.erase("ref-1", "subject-request", "admin-1", "api");

        assertThat(fixture.cipher.reveal(stored)).isEqualTo(PersonalData.ERASED);
        assertThat(fixture.cipher.protect("ref-1", "marie@example.org")).isEqualTo(PersonalData.ERASED);
        assertThat(fixture.cipher.isErased("ref-1")).isTrue();
    }

    @Test
    void reveal_readsTheMarker_whenTheKeyDocumentIsGone() {
        String stored = fixture.cipher.protect("ref-1", "Marie");
        fixture.database.getCollection(DataSubjectKeyStore.COLLECTION).drop();
        fixture.keys.clearCache();

        assertThat(fixture.cipher.reveal(stored)).isEqualTo(PersonalData.ERASED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Marie Tremblay", "pd1:", "pd1:abc", "pd1:k1:cmVm:not base64!", "pd1:k1:cmVm:AAAA", "[erased]", ""})
    void reveal_readsAValueNotInTheForm_asItself(String stored) {
        assertThat(fixture.cipher.reveal(stored)).isEqualTo(stored);
        assertThat(fixture.cipher.protect("ref-1", PersonalData.ERASED)).isEqualTo(PersonalData.ERASED);
        assertThat(fixture.cipher.protect("ref-1", null)).isNull();
    }

    @Test
    void reveal_refusesACiphertextThatWasChanged_orMovedToAnotherSubject() {
        String stored = fixture.cipher.protect("ref-1", "Marie");
        fixture.cipher.protect("ref-2", "Other");
        String[] parts = stored.split(":");
        byte[] sealed = Base64.getUrlDecoder().decode(parts[3]);
        sealed[sealed.length - 1] ^= 1;
        String changed = parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
        String moved = parts[0] + ":" + parts[1] + ":" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("ref-2".getBytes(StandardCharsets.UTF_8)) + ":" + parts[3];

        assertThatThrownBy(() -> fixture.cipher.reveal(changed)).isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("ref-1").hasMessageNotContaining("Marie");
        // ref-2's key has another id: a value named with another key reads as erased, never as another's plaintext
        assertThat(fixture.cipher.reveal(moved)).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void protect_refusesAValueWithoutSubject_namingNoValue() {
        assertThatThrownBy(() -> fixture.cipher.protect(" ", "Marie")).isInstanceOf(PersonalDataException.class)
                .hasMessageNotContaining("Marie");
    }
}
