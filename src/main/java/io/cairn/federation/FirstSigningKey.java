package io.cairn.federation;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * When the server starts, seals the signing keys stored in the clear before keys were sealed, and generates this
 * instance's first signing key when it has none, so that its key set is never empty.
 */
@Component
class FirstSigningKey implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(FirstSigningKey.class);

    private final SigningKeyring keyring;
    private final SigningKeys keys;

    FirstSigningKey(SigningKeyring keyring, SigningKeys keys) {
        this.keyring = keyring;
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        int sealed = keys.sealClearKeys();
        if (sealed > 0) {
            log.info("Sealed " + sealed + " signing key(s) that were stored in the clear");
        }
        keyring.activeKey();
    }
}
