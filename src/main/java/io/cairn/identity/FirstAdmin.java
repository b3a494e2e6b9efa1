package io.cairn.identity;

import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * On a first start with no users, creates the {@code admin} account and prints its one-time password once, or uses
 * {@code CAIRN_ADMIN_PASSWORD}. Either way the password must be changed at the first sign-in.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(FirstAdmin.class);

    private final IdentityManagement identity;
    private final @Nullable String configuredPassword;

    FirstAdmin(IdentityManagement identity, @Value("${cairn.admin.password:#{null}}") @Nullable String password) {
        this.identity = identity;
        this.configuredPassword = password == null || password.isBlank() ? null : password;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<CreatedUser> first;
        try {
            first = identity.registerFirstAdmin(configuredPassword);
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // several nodes starting at once on an empty database: one of them created the admin
            return;
        }
        first.ifPresent(created -> {
            if (created.oneTimePassword() != null) {
                String banner = """

                        ======================================================================
                         Cairn created the first account.
                           user:               admin
                           one-time password:  %s
                         Sign in and choose a new password. This password is not shown again.
                        ======================================================================
                        """.formatted(created.oneTimePassword());
                System.out.println(banner);
            } else {
                log.info("Cairn created the first account 'admin' with the password from CAIRN_ADMIN_PASSWORD;"
                        + " it must be changed at the first sign-in");
            }
        });
    }
}
