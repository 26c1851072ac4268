package org.pledge.audit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit keys: generating them, reading and writing them as PEM (PKCS#8 private keys, X.509
 * SubjectPublicKeyInfo public keys), their key id, and the public key of a private key. JDK providers only.
 *
 * <p>Two algorithms, named by their JDK signature algorithm: {@value #ED25519} (the default) and
 * {@value #ECDSA_P256} on the curve P-256 (secp256r1). Exceptions never contain key material.
 */
public final class AuditKeys {

    /** Ed25519 (RFC 8032): the default. */
    public static final String ED25519 = "Ed25519";
    /** ECDSA with SHA-256 on P-256 (secp256r1); signatures in DER as the JDK makes them. */
    public static final String ECDSA_P256 = "SHA256withECDSA";
    /** The algorithm used when none is configured. */
    public static final String DEFAULT_ALGORITHM = ED25519;

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final String PUBLIC_KEY = "PUBLIC KEY";
    private static final ECParameterSpec P256 = p256();

    private AuditKeys() {
    }

    /** A new key pair for {@code algorithm} ({@value #ED25519} or {@value #ECDSA_P256}). */
    public static KeyPair generate(String algorithm) {
        try {
            if (ED25519.equals(algorithm)) {
                return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            }
            if (ECDSA_P256.equals(algorithm)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                return generator.generateKeyPair();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate " + algorithm + " keys", e);
        }
        throw new IllegalArgumentException(unsupported(algorithm));
    }

    /** The key id: the first 16 lowercase hex characters of SHA-256 of the key's X.509 encoding. */
    public static String keyId(PublicKey publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        byte[] hash = AuditLinks.sha256().digest(publicKey.getEncoded());
        return HexFormat.of().formatHex(hash, 0, 8);
    }

    /**
     * The signature algorithm of {@code key}: {@value #ED25519} for an Ed25519 key, {@value #ECDSA_P256} for an EC
     * key on P-256.
     *
     * @throws IllegalArgumentException for any other key (RSA, Ed448, another curve)
     */
    public static String algorithm(Key key) {
        Objects.requireNonNull(key, "key");
        if (key instanceof EdECKey edKey && "Ed25519".equalsIgnoreCase(edKey.getParams().getName())) {
            return ED25519;
        }
        if (key instanceof ECKey ecKey && isP256(ecKey.getParams())) {
            return ECDSA_P256;
        }
        throw new IllegalArgumentException("audit keys are Ed25519 or EC on P-256, not " + key.getAlgorithm());
    }

    /** Reads a private key from PEM ({@code -----BEGIN PRIVATE KEY-----}, unencrypted PKCS#8). */
    public static PrivateKey readPrivateKey(String pem) {
        byte[] der = pemBody(pem, PRIVATE_KEY);
        for (String factory : new String[] {"Ed25519", "EC"}) {
            try {
                PrivateKey key = KeyFactory.getInstance(factory).generatePrivate(new PKCS8EncodedKeySpec(der));
                algorithm(key);
                return key;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // not this kind of key: try the next one
            }
        }
        throw new IllegalArgumentException("the PEM private key is neither Ed25519 nor EC on P-256");
    }

    /** Reads a public key from PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    public static PublicKey readPublicKey(String pem) {
        byte[] der = pemBody(pem, PUBLIC_KEY);
        for (String factory : new String[] {"Ed25519", "EC"}) {
            try {
                PublicKey key = KeyFactory.getInstance(factory).generatePublic(new X509EncodedKeySpec(der));
                algorithm(key);
                return key;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // not this kind of key: try the next one
            }
        }
        throw new IllegalArgumentException("the PEM public key is neither Ed25519 nor EC on P-256");
    }

    /** Reads a key pair from the PEM of its private key (the public key is derived from it). */
    public static KeyPair readKeyPair(String privateKeyPem) {
        PrivateKey privateKey = readPrivateKey(privateKeyPem);
        return new KeyPair(publicKey(privateKey), privateKey);
    }

    /** The PEM of {@code privateKey} (unencrypted PKCS#8, {@code -----BEGIN PRIVATE KEY-----}). */
    public static String writePem(PrivateKey privateKey) {
        algorithm(privateKey);
        return pem(PRIVATE_KEY, privateKey.getEncoded());
    }

    /** The PEM of {@code publicKey} (X.509 SubjectPublicKeyInfo, {@code -----BEGIN PUBLIC KEY-----}). */
    public static String writePem(PublicKey publicKey) {
        algorithm(publicKey);
        return pem(PUBLIC_KEY, publicKey.getEncoded());
    }

    /**
     * The public key of {@code privateKey}. Ed25519: derived as RFC 8032 does, through the JDK's key generator
     * fed with the private key's bytes; EC P-256: the private scalar times the curve's generator.
     */
    public static PublicKey publicKey(PrivateKey privateKey) {
        String algorithm = algorithm(privateKey);
        try {
            if (ED25519.equals(algorithm)) {
                byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                        .orElseThrow(() -> new IllegalArgumentException("the Ed25519 private key has no bytes"));
                KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
                generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
                return generator.generateKeyPair().getPublic();
            }
            BigInteger scalar = ((ECPrivateKey) privateKey).getS();
            ECPoint point = P256Math.multiply(P256, scalar);
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot derive the public key of this " + algorithm + " key", e);
        }
    }

    private static String unsupported(String algorithm) {
        return "audit keys are " + ED25519 + " or " + ECDSA_P256 + ", not " + algorithm;
    }

    private static byte[] pemBody(String pem, String label) {
        Objects.requireNonNull(pem, "pem");
        Matcher matcher = PEM.matcher(pem);
        while (matcher.find()) {
            if (matcher.group(1).equals(label)) {
                try {
                    return Base64.getMimeDecoder().decode(matcher.group(2).replaceAll("\\s", ""));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the PEM " + label + " is not valid base64");
                }
            }
            if (label.equals(PRIVATE_KEY) && matcher.group(1).endsWith(PRIVATE_KEY)) {
                throw new IllegalArgumentException("the key is PEM " + matcher.group(1)
                        + "; audit keys are unencrypted PKCS#8 (BEGIN PRIVATE KEY), e.g. from"
                        + " 'openssl pkcs8 -topk8 -nocrypt'");
            }
        }
        throw new IllegalArgumentException("no PEM block BEGIN " + label + " found");
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static boolean isP256(ECParameterSpec params) {
        return params != null
                && params.getOrder().equals(P256.getOrder())
                && params.getGenerator().equals(P256.getGenerator())
                && params.getCurve().equals(P256.getCurve());
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 17 knows secp256r1", e);
        }
    }

    /** A "random" source that hands out the given bytes: how the JDK's generator derives a key pair from a seed. */
    private static final class FixedBytes extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        private FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] into) {
            if (into.length != bytes.length) {
                throw new IllegalStateException("the key generator asked for " + into.length + " bytes");
            }
            System.arraycopy(bytes, 0, into, 0, into.length);
        }
    }

    /** Affine point arithmetic on a short Weierstrass curve over a prime field (for deriving a public key only). */
    private static final class P256Math {
        private P256Math() {
        }

        static ECPoint multiply(ECParameterSpec spec, BigInteger scalar) {
            BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
            BigInteger a = spec.getCurve().getA();
            ECPoint result = ECPoint.POINT_INFINITY;
            ECPoint addend = spec.getGenerator();
            for (int i = 0; i < scalar.bitLength(); i++) {
                if (scalar.testBit(i)) {
                    result = add(result, addend, p, a);
                }
                addend = add(addend, addend, p, a);
            }
            return result;
        }

        private static ECPoint add(ECPoint first, ECPoint second, BigInteger p, BigInteger a) {
            if (first.equals(ECPoint.POINT_INFINITY)) {
                return second;
            }
            if (second.equals(ECPoint.POINT_INFINITY)) {
                return first;
            }
            BigInteger x1 = first.getAffineX();
            BigInteger y1 = first.getAffineY();
            BigInteger x2 = second.getAffineX();
            BigInteger y2 = second.getAffineY();
            BigInteger slope;
            if (x1.equals(x2)) {
                if (!y1.equals(y2) || y1.signum() == 0) {
                    return ECPoint.POINT_INFINITY;
                }
                slope = x1.pow(2).multiply(BigInteger.valueOf(3)).add(a)
                        .multiply(y1.shiftLeft(1).modInverse(p)).mod(p);
            } else {
                slope = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(p)).mod(p);
            }
            BigInteger x3 = slope.pow(2).subtract(x1).subtract(x2).mod(p);
            BigInteger y3 = slope.multiply(x1.subtract(x3)).subtract(y1).mod(p);
            return new ECPoint(x3, y3);
        }
    }
}
