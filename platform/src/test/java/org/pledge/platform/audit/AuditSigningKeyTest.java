package org.pledge.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pledge.audit.AuditKeys;
import org.pledge.testsupport.infra.MemoryMongo;
import org.pledge.testsupport.time.MutableClock;
import org.springframework.boot.diagnostics.FailureAnalysis;

class AuditSigningKeyTest {

    @RegisterExtension
    final MemoryMongo mongo = new MemoryMongo();

    private final MutableClock clock = new MutableClock(AuditFixture.T0);

    @Test
    void aConfiguredPemKey_isUsed_edOrEcdsa() {
        KeyPair ed = AuditKeys.generate(AuditKeys.ED25519);
        KeyPair ec = AuditKeys.generate(AuditKeys.ECDSA_P256);

        assertThat(load(properties(AuditKeys.writePem(ed.getPrivate()), null, false)).getPublic())
                .isEqualTo(ed.getPublic());
        assertThat(load(properties(AuditKeys.writePem(ec.getPrivate()), null, false)).getPublic())
                .isEqualTo(ec.getPublic());
    }

    @Test
    void aKeyFile_isUsed(@TempDir Path dir) throws IOException {
        KeyPair pair = AuditKeys.generate(AuditKeys.ED25519);
        Path file = dir.resolve("audit-key.pem");
        Files.writeString(file, AuditKeys.writePem(pair.getPrivate()));

        assertThat(load(properties(null, file.toString(), true)).getPublic()).isEqualTo(pair.getPublic());
        assertThat(mongo.database("svc").getCollection(AuditSigningKey.COLLECTION).countDocuments())
                .as("a configured key wins over dev-key").isZero();
    }

    @Test
    void theDevKey_isGeneratedOnce_keptInTheDatabase_andReusedAfterARestart() {
        KeyPair first = load(properties(null, null, true));
        KeyPair second = load(properties(null, null, true));

        assertThat(second.getPublic()).isEqualTo(first.getPublic());
        assertThat(AuditKeys.algorithm(first.getPublic())).isEqualTo(AuditKeys.ED25519);
        assertThat(mongo.database("svc").getCollection(AuditSigningKey.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void noKey_failsStartUp_sayingWhatToSet() {
        assertThatThrownBy(() -> load(properties(null, null, false)))
                .isInstanceOf(AuditSigningKey.MissingAuditKeyException.class)
                .hasMessageContaining("pledge.audit.signing-key")
                .hasMessageContaining("pledge.audit.signing-key-file")
                .hasMessageContaining("pledge.audit.dev-key=true");
    }

    @Test
    void aKeyAndAKeyFile_orABadPemOrAMissingFile_failStartUp_withoutKeyMaterial(@TempDir Path dir) {
        KeyPair pair = AuditKeys.generate(AuditKeys.ED25519);
        String pem = AuditKeys.writePem(pair.getPrivate());
        assertThatThrownBy(() -> load(properties(pem, "/some/file.pem", false)))
                .hasMessageContaining("Both pledge.audit.signing-key and pledge.audit.signing-key-file are set");
        String publicPem = AuditKeys.writePem(pair.getPublic());
        assertThatThrownBy(() -> load(properties(publicPem, null, false)))
                .isInstanceOf(AuditSigningKey.MissingAuditKeyException.class)
                .hasMessageStartingWith("The audit signing key in pledge.audit.signing-key is not usable")
                .hasMessageNotContaining(publicPem.lines().skip(1).findFirst().orElseThrow());
        assertThatThrownBy(() -> load(properties(null, dir.resolve("absent.pem").toString(), false)))
                .hasMessageContaining("Cannot read pledge.audit.signing-key-file");
    }

    @Test
    void failureAnalyzer_describesTheMissingKey_andTheFix() {
        AuditSigningKey.MissingAuditKeyException missing = new AuditSigningKey.MissingAuditKeyException("No key.");
        FailureAnalysis analysis = new MissingAuditKeyFailureAnalyzer()
                .analyze(new IllegalStateException("context failed", missing));
        assertThat(analysis.getDescription()).contains("No key.");
        assertThat(analysis.getAction()).contains("pledge.audit.signing-key").contains("pledge.audit.dev-key=true");
    }

    @Test
    void properties_neverShowTheKey() {
        String pem = AuditKeys.writePem(AuditKeys.generate(AuditKeys.ED25519).getPrivate());
        assertThat(properties(pem, null, false).toString()).contains("signingKey=(set)").doesNotContain("BEGIN");
    }

    private KeyPair load(AuditProperties properties) {
        return AuditSigningKey.load(properties, mongo.database("svc"), clock);
    }

    private static AuditProperties properties(String key, String file, boolean devKey) {
        return new AuditProperties(true, 1000, Duration.ofSeconds(60), key, file, devKey, 100_000,
                Duration.ofSeconds(1));
    }
}
