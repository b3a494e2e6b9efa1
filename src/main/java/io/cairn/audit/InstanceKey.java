package io.cairn.audit;

import io.cairn.shared.SecretFiles;
import java.net.URI;
import java.nio.file.Path;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This instance's key for signing the audit trail's checkpoints: read from its file, or generated at the first start
 * and written to a file only its owner may read or write (POSIX mode 600). The key lives outside the database, so
 * that someone with full access to the database cannot sign a rewritten trail.
 */
@Component
class InstanceKey {

    private static final Log log = LogFactory.getLog(InstanceKey.class);

    private final NoteSigner signer;

    InstanceKey(AuditSettings settings, @Value("${cairn.base-url:http://localhost:8080}") String baseUrl) {
        String origin = settings.origin() != null ? settings.origin() : originOf(baseUrl);
        this.signer = loadOrGenerate(settings.keyFile(), origin);
        if (!signer.verifierKey().name().equals(origin)) {
            log.info("The audit checkpoint key in " + settings.keyFile() + " names the log '"
                    + signer.verifierKey().name() + "', not '" + origin
                    + "': a log keeps the name it was created with");
        }
    }

    /** The public key auditors verify checkpoints with. */
    VerifierKey verifierKey() {
        return signer.verifierKey();
    }

    /** The log's name: the key's name, and the first line of every checkpoint. */
    String origin() {
        return signer.verifierKey().name();
    }

    SignedNote sign(String text) {
        return signer.sign(text);
    }

    /** {@code host[:port][/path]/audit} of the base URL: a schema-less URL, as C2SP recommends for an origin. */
    static String originOf(String baseUrl) {
        URI uri = URI.create(baseUrl.trim());
        String host = uri.getHost() == null ? "cairn" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        String origin = (host + port + path + "/audit").replaceAll("[\\s+]", "");
        return VerifierKey.isKeyName(origin) ? origin : "cairn/audit";
    }

    /** The key in the file, or a new one with this name written to it (mode 600) when there is none. */
    static NoteSigner loadOrGenerate(Path file, String origin) {
        SecretFiles.Secret secret =
                SecretFiles.readOrCreate(file, () -> NoteSigner.generate(origin).encoded() + "\n");
        NoteSigner signer = NoteSigner.parse(secret.text())
                .orElseThrow(() -> new IllegalStateException(file + " does not hold an Ed25519 note signer key "
                        + "(PRIVATE+KEY+<name>+<key id>+<key data>): restore it from a backup, or move it away to have "
                        + "a new key generated (earlier checkpoints then no longer verify with it)"));
        if (secret.generated()) {
            log.info("Generated the note-signing key '" + origin + "' in " + file + "; its verifier key is "
                    + signer.verifierKey().encoded());
        }
        return signer;
    }
}
