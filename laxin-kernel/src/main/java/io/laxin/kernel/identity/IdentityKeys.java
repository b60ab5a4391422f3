package io.laxin.kernel.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Ed25519 keys of internal identity (ADR 0007) as configuration holds them: a private key is base64 of its PKCS#8
 * DER form, a public key base64 of its X.509 DER form (PEM armour and line breaks are ignored). A signer's public
 * keys are listed comma-separated, at most two: the current one and the next one of a rotation.
 */
public final class IdentityKeys {

    public static final String ALGORITHM = "Ed25519";
    /** Current and next: what a rotation needs, and no more. */
    public static final int MAX_KEYS_PER_SIGNER = 2;

    private IdentityKeys() {}

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }

    public static String encode(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PrivateKey privateKey(String configured) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(configured)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Not an Ed25519 private key (base64 of PKCS#8): " + e.getMessage());
        }
    }

    public static PublicKey publicKey(String configured) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(configured)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Not an Ed25519 public key (base64 of X.509): " + e.getMessage());
        }
    }

    /** The comma-separated public keys of one signer (none when blank), at most {@link #MAX_KEYS_PER_SIGNER}. */
    public static List<PublicKey> publicKeys(String configured) {
        if (configured == null || configured.isBlank()) {
            return List.of();
        }
        List<PublicKey> keys = Arrays.stream(configured.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(IdentityKeys::publicKey)
                .toList();
        if (keys.size() > MAX_KEYS_PER_SIGNER) {
            throw new IllegalStateException("At most " + MAX_KEYS_PER_SIGNER + " public keys per signer (current and "
                    + "next); " + keys.size() + " are configured");
        }
        return keys;
    }

    private static byte[] der(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalArgumentException("the key is empty");
        }
        String base64 = configured.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
