package io.cairn.identity;

import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.Locale;
import java.util.Optional;

/** What a password a user chooses must be: long enough, and not their login name. */
final class PasswordRules {

    static final int MINIMUM_LENGTH = 12;

    private PasswordRules() {}

    static Optional<Refusal> check(String field, String password, String username) {
        if (password.length() < MINIMUM_LENGTH) {
            return Optional.of(Refusal.invalid(field, SharedRefusals.TOO_SHORT, MINIMUM_LENGTH));
        }
        if (password.length() > 200) {
            return Optional.of(Refusal.invalid(field, IdentityRefusals.PASSWORD_TOO_LONG));
        }
        if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(Refusal.invalid(field, IdentityRefusals.PASSWORD_HAS_LOGIN_NAME));
        }
        return Optional.empty();
    }
}
