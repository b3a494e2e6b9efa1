package io.cairn.identity;

import io.cairn.shared.Refusal;
import java.util.Locale;
import java.util.Optional;

/** What a password a user chooses must be: long enough, and not their login name. */
final class PasswordRules {

    static final int MINIMUM_LENGTH = 12;

    private PasswordRules() {}

    static Optional<Refusal> check(String field, String password, String username) {
        if (password.length() < MINIMUM_LENGTH) {
            return Optional.of(Refusal.invalid(field, "must be at least {0} characters", MINIMUM_LENGTH));
        }
        if (password.length() > 200) {
            return Optional.of(Refusal.invalid(field, "must be at most 200 characters"));
        }
        if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(Refusal.invalid(field, "must not contain the login name"));
        }
        return Optional.empty();
    }
}
