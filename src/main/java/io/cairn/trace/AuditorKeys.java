package io.cairn.trace;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;

/** How a chain auditor's key is named, alike by the auditor's requests and by the hop that checks them. */
public final class AuditorKeys {

    private AuditorKeys() {}

    /** The key's {@code kid}, or its RFC 7638 SHA-256 thumbprint when it has none. */
    public static String keyId(JWK key) {
        if (key.getKeyID() != null) {
            return key.getKeyID();
        }
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("no thumbprint of an auditor key: " + e.getMessage(), e);
        }
    }
}
