package org.pledge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CheckpointSignatureTest {

    private static final byte[] LINK = HexFormat.of().parseHex(CanonicalBytesTest.VECTOR_LINK);
    private static final Instant SIGNED_AT = Instant.parse("2025-01-02T03:04:06.001Z");

    /*
     * 706c656467652d61756469742d636865636b706f696e742f31   "pledge-audit-checkpoint/1"
     * 01 0000000c 636173652d73657276696365                  service "case-service"
     * 000000000000002a                                      sequence 42
     * 01 00000020 dc2d19a6...14f2                           link (32 bytes)
     * 01 0000019424f86471                                   signedAt 2025-01-02T03:04:06.001Z = 1735787046001 ms
     * 01 00000010 30313233343536373839616263646566          keyId "0123456789abcdef"
     * 01 00000007 45643235353139                            algorithm "Ed25519"
     */
    static final String SIGNED_BYTES = "706c656467652d61756469742d636865636b706f696e742f3101"
            + "0000000c636173652d73657276696365000000000000002a0100000020dc2d19a663bfc458550ecfa8c057bb980163bf8c2dd2"
            + "99214e8d43b48f4514f2010000019424f86471010000001030313233343536373839616263646566010000000745643235353139";

    @Test
    void signedBytes_matchPinnedVector() {
        Checkpoint checkpoint = new Checkpoint("case-service", 42, LINK, SIGNED_AT, "0123456789abcdef",
                AuditKeys.ED25519, new byte[64]);
        assertThat(HexFormat.of().formatHex(checkpoint.signedBytes())).isEqualTo(SIGNED_BYTES);
        assertThat(checkpoint.withSignature(null).signedBytes()).isEqualTo(checkpoint.signedBytes());
    }

    /** The test key of docs/audit.md: the Ed25519 private key whose 32 bytes are 00 01 02 ... 1f. */
    static final String TEST_PRIVATE_KEY = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f
            -----END PRIVATE KEY-----
            """;
    static final String TEST_PUBLIC_KEY = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAA6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=
            -----END PUBLIC KEY-----
            """;

    /*
     * Ed25519 signatures are deterministic (RFC 8032), so the checkpoint of the vector signed with the test key has
     * one signature; the same figures came out of Python's cryptography package.
     */
    @Test
    void signature_matchesPinnedVector_whenSignedWithTheTestKey() {
        KeyPair testKey = AuditKeys.readKeyPair(TEST_PRIVATE_KEY);
        Checkpoint checkpoint = new CheckpointSigner(testKey).sign("case-service", 42, LINK, SIGNED_AT);

        assertThat(AuditKeys.writePem(testKey.getPublic())).isEqualTo(TEST_PUBLIC_KEY);
        assertThat(checkpoint.keyId()).isEqualTo("a050837d85070582");
        assertThat(HexFormat.of().formatHex(checkpoint.signedBytes())).isEqualTo(SIGNED_BYTES
                .replace("30313233343536373839616263646566", "61303530383337643835303730353832"));
        assertThat(HexFormat.of().formatHex(checkpoint.signature())).isEqualTo("7b4c9a33e36f4304c547208333b43bcff640"
                + "e371b908af40ab009cdbb83f014d39d2ad73550236f1b54933046774add3975be8b56f18f167254262430d37be08");
        assertThat(new CheckpointVerifier(AuditKeys.readPublicKey(TEST_PUBLIC_KEY)).verify(checkpoint)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {AuditKeys.ED25519, AuditKeys.ECDSA_P256})
    void checkpoint_verifies_whenSignedWithTheKey(String algorithm) {
        CheckpointSigner signer = new CheckpointSigner(AuditKeys.generate(algorithm));
        Checkpoint checkpoint = signer.sign("case-service", 42, LINK, SIGNED_AT.plusNanos(1234));

        assertThat(checkpoint.algorithm()).isEqualTo(algorithm);
        assertThat(checkpoint.keyId()).isEqualTo(AuditKeys.keyId(signer.publicKey())).hasSize(16);
        assertThat(checkpoint.signedAt()).isEqualTo(SIGNED_AT);
        assertThat(checkpoint.link()).isEqualTo(LINK);
        assertThat(new CheckpointVerifier(signer.publicKey()).verify(checkpoint)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {AuditKeys.ED25519, AuditKeys.ECDSA_P256})
    void checkpoint_isRejected_whenSignedWithAnotherKey(String algorithm) {
        KeyPair ours = AuditKeys.generate(algorithm);
        Checkpoint checkpoint = new CheckpointSigner(AuditKeys.generate(algorithm)).sign("case-service", 42, LINK,
                SIGNED_AT);
        assertThat(new CheckpointVerifier(ours.getPublic()).verify(checkpoint)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {AuditKeys.ED25519, AuditKeys.ECDSA_P256})
    void checkpoint_isRejected_whenSignedWithAnotherKeyUnderOurKeyId(String algorithm) {
        KeyPair ours = AuditKeys.generate(algorithm);
        CheckpointSigner forger = new CheckpointSigner(AuditKeys.generate(algorithm));
        Checkpoint forged = forger.sign("case-service", 42, LINK, SIGNED_AT);
        Checkpoint underOurKeyId = new Checkpoint(forged.service(), forged.sequence(), forged.link(),
                forged.signedAt(), AuditKeys.keyId(ours.getPublic()), forged.algorithm(), forged.signature());
        assertThat(new CheckpointVerifier(ours.getPublic()).verify(underOurKeyId)).isFalse();
    }

    @Test
    void checkpoint_isRejected_whenKeyIdIsForged() {
        CheckpointSigner signer = new CheckpointSigner(AuditKeys.generate(AuditKeys.ED25519));
        Checkpoint genuine = signer.sign("case-service", 42, LINK, SIGNED_AT);
        Checkpoint otherKeyId = new Checkpoint(genuine.service(), genuine.sequence(), genuine.link(),
                genuine.signedAt(), "ffffffffffffffff", genuine.algorithm(), genuine.signature());
        assertThat(new CheckpointVerifier(signer.publicKey()).verify(otherKeyId)).isFalse();
    }

    @Test
    void checkpoint_isRejected_whenAnySignedFieldChanges() {
        CheckpointSigner signer = new CheckpointSigner(AuditKeys.generate(AuditKeys.ED25519));
        CheckpointVerifier verifier = signer.verifier();
        Checkpoint c = signer.sign("case-service", 42, LINK, SIGNED_AT);
        byte[] otherLink = LINK.clone();
        otherLink[31] ^= 1;
        assertThat(verifier.verify(new Checkpoint("feedback-service", c.sequence(), c.link(), c.signedAt(),
                c.keyId(), c.algorithm(), c.signature()))).isFalse();
        assertThat(verifier.verify(new Checkpoint(c.service(), 43, c.link(), c.signedAt(), c.keyId(),
                c.algorithm(), c.signature()))).isFalse();
        assertThat(verifier.verify(new Checkpoint(c.service(), c.sequence(), otherLink, c.signedAt(), c.keyId(),
                c.algorithm(), c.signature()))).isFalse();
        assertThat(verifier.verify(new Checkpoint(c.service(), c.sequence(), c.link(), c.signedAt().plusMillis(1),
                c.keyId(), c.algorithm(), c.signature()))).isFalse();
        assertThat(verifier.verify(new Checkpoint(c.service(), c.sequence(), c.link(), c.signedAt(), c.keyId(),
                AuditKeys.ECDSA_P256, c.signature()))).isFalse();
        assertThat(verifier.verify(c.withSignature(null))).isFalse();
        assertThat(verifier.verify(c.withSignature(new byte[3]))).isFalse();
        assertThat(verifier.verify(c)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {AuditKeys.ED25519, AuditKeys.ECDSA_P256})
    void pem_roundTrips(String algorithm) {
        KeyPair pair = AuditKeys.generate(algorithm);
        String privatePem = AuditKeys.writePem(pair.getPrivate());
        String publicPem = AuditKeys.writePem(pair.getPublic());

        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(AuditKeys.readPrivateKey(privatePem).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(AuditKeys.readPublicKey(publicPem).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    }

    @ParameterizedTest
    @ValueSource(strings = {AuditKeys.ED25519, AuditKeys.ECDSA_P256})
    void publicKey_isDerived_fromThePrivateKey(String algorithm) {
        KeyPair pair = AuditKeys.generate(algorithm);
        KeyPair loaded = AuditKeys.readKeyPair(AuditKeys.writePem(pair.getPrivate()));

        assertThat(AuditKeys.publicKey(pair.getPrivate()).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(loaded.getPublic().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        Checkpoint checkpoint = new CheckpointSigner(loaded).sign("case-service", 1, LINK, SIGNED_AT);
        assertThat(new CheckpointVerifier(pair.getPublic()).verify(checkpoint)).isTrue();
    }

    /** A P-256 test key made by {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256}. */
    private static final String OPENSSL_EC_PRIVATE = """
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgsyDCvy2ObiCO+hHr
            6tJYUj6i/6wdKE/fSJ9+mqZx7n2hRANCAAQJeH23ve8D/rodjPUJlW1S3TAUiYO1
            7r+QYwUj3s7Gdqwz6I0EVZQYUsG7lO5dGHmmIpd8g9JF7sonfboHkXpF
            -----END PRIVATE KEY-----
            """;
    /** Its public key, by {@code openssl pkey -pubout}. */
    private static final String OPENSSL_EC_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAECXh9t73vA/66HYz1CZVtUt0wFImD
            te6/kGMFI97OxnasM+iNBFWUGFLBu5TuXRh5piKXfIPSRe7KJ326B5F6RQ==
            -----END PUBLIC KEY-----
            """;

    @Test
    void publicKey_isOpensslsPublicKey_whenDerivedFromAnOpensslKey() {
        KeyPair pair = AuditKeys.readKeyPair(OPENSSL_EC_PRIVATE);

        assertThat(AuditKeys.algorithm(pair.getPrivate())).isEqualTo(AuditKeys.ECDSA_P256);
        assertThat(AuditKeys.writePem(pair.getPublic())).isEqualTo(OPENSSL_EC_PUBLIC);
    }

    @Test
    void keyId_isFirstSixteenHexOfSha256OfEncodedKey() throws Exception {
        KeyPair pair = AuditKeys.generate(AuditKeys.ED25519);
        String sha256 = HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded()));
        assertThat(AuditKeys.keyId(pair.getPublic())).isEqualTo(sha256.substring(0, 16));
    }

    @Test
    void keys_areRefused_whenNotEd25519OrP256() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair rsaPair = rsa.generateKeyPair();
        KeyPairGenerator ec384 = KeyPairGenerator.getInstance("EC");
        ec384.initialize(384);

        assertThatThrownBy(() -> new CheckpointSigner(rsaPair)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckpointVerifier(ec384.generateKeyPair().getPublic()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditKeys.readPrivateKey(
                "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getEncoder()
                        .encodeToString(rsaPair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither Ed25519 nor EC");
        assertThatThrownBy(() -> AuditKeys.generate("RSA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readPrivateKey_explains_whenPemIsNotPkcs8() {
        assertThatThrownBy(() -> AuditKeys.readPrivateKey(
                "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PKCS#8");
        assertThatThrownBy(() -> AuditKeys.readPublicKey("no key here"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BEGIN PUBLIC KEY");
    }
}
