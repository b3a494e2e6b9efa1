package io.cairn.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** On a first start with no users, Cairn creates the admin account, which must change its password. */
@ServerTest
class FirstAdminTest {

    @Autowired
    Users users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    IdentityManagement identity;

    @Test
    void createsTheAdminWithTheConfiguredPasswordToBeChangedAtFirstSignIn() {
        User admin = users.findByUsername("admin").orElseThrow();
        assertThat(admin.mustChangePassword()).isTrue();
        assertThat(passwords.matches(ServerTest.ADMIN_PASSWORD, admin.passwordHash()))
                .isTrue();
        assertThat(admin.roles()).contains(Role.ADMIN, Role.HANDLER, Role.COORDINATOR, Role.AUDITOR);
    }

    @Test
    void createsNoSecondAdminOnTheNextStart() {
        assertThat(identity.registerFirstAdmin("Another-password-1")).isEmpty();
    }

    @Test
    void makesAOneTimePasswordWhenNoneIsConfigured() {
        assertThat(Secrets.newOneTimePassword()).hasSize(20).matches("[a-zA-Z2-9]+");
    }
}
