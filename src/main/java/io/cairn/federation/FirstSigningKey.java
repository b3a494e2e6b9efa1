package io.cairn.federation;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Generates this instance's first signing key when it starts without one, so that its key set is never empty. */
@Component
class FirstSigningKey implements ApplicationRunner {

    private final SigningKeyring keyring;

    FirstSigningKey(SigningKeyring keyring) {
        this.keyring = keyring;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        keyring.activeKey();
    }
}
