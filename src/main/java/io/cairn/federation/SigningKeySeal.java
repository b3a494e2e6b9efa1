package io.cairn.federation;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.jwk.ECKey;
import io.cairn.shared.SecretFiles;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * Seals this instance's signing keys for the database with an AES-256 key kept in a file outside it ({@code
 * cairn.federation.key-seal-file}), so that a copy of the database, or someone who can only read it, cannot sign as
 * this instance. A sealed key is a JWE (direct encryption, A256GCM) whose protected header names the key's id: a sealed
 * key moved to another row does not open there. Keys stored before sealing (a JWK in the clear) still open, and are
 * sealed when the server starts.
 */
@Component
class SigningKeySeal {

    private static final Log log = LogFactory.getLog(SigningKeySeal.class);

    private final SecretKey key;

    SigningKeySeal(FederationSettings settings) {
        SecretFiles.Secret secret = SecretFiles.readOrCreate(settings.keySealFile(), SigningKeySeal::generate);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(secret.text().strip());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(settings.keySealFile() + " does not hold a 256-bit key in base64: restore "
                    + "it from a backup (the signing keys in the database open only with it)");
        }
        if (secret.generated()) {
            log.info("Generated the key that seals the signing keys in the database, in " + settings.keySealFile()
                    + ": back it up with the database; in a cluster, give every node the same file");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** Whether a stored key is still in the clear, from before keys were sealed. */
    static boolean isClear(String stored) {
        return stored.startsWith("{");
    }

    String seal(ECKey signingKey) {
        JWEObject sealed = new JWEObject(
                new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                        .keyID(signingKey.getKeyID())
                        .build(),
                new Payload(signingKey.toJSONString()));
        try {
            sealed.encrypt(new DirectEncrypter(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not seal the signing key " + signingKey.getKeyID(), e);
        }
        return sealed.serialize();
    }

    /** The stored key of this id, opened; a sealed key that does not open with this seal, or names another id, fails. */
    ECKey open(String kid, String stored) {
        try {
            if (isClear(stored)) {
                return ECKey.parse(stored);
            }
            JWEObject sealed = JWEObject.parse(stored);
            if (!kid.equals(sealed.getHeader().getKeyID())) {
                throw new IllegalStateException("the sealed signing key stored as " + kid + " is sealed as "
                        + sealed.getHeader().getKeyID());
            }
            sealed.decrypt(new DirectDecrypter(key));
            ECKey opened = ECKey.parse(sealed.getPayload().toString());
            if (!kid.equals(opened.getKeyID())) {
                throw new IllegalStateException("the signing key stored as " + kid + " is " + opened.getKeyID());
            }
            return opened;
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(
                    "the stored signing key " + kid + " does not open with the key in the "
                            + "key-seal file (cairn.federation.key-seal-file): restore that file from a backup",
                    e);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes) + "\n";
    }
}
