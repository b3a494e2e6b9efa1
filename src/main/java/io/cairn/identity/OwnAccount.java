package io.cairn.identity;

import io.cairn.identity.IdentityChanged.Change;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's own account: reading it, replacing their password and choosing their language. */
@Component
class OwnAccount {

    private final IdentityAccess access;
    private final Users users;
    private final PasswordEncoder passwords;
    private final IdentityChanges changes;

    OwnAccount(IdentityAccess access, Users users, PasswordEncoder passwords, IdentityChanges changes) {
        this.access = access;
        this.users = users;
        this.passwords = passwords;
        this.changes = changes;
    }

    /** The signed-in user's own account. */
    @Transactional(readOnly = true)
    UserView read() {
        return users.findById(access.requireActor().id().value()).orElseThrow().view();
    }

    /** Replaces the signed-in user's password after checking the current one. */
    @Transactional
    Outcome<UserView> changePassword(String currentPassword, String newPassword) {
        Actor actor = access.requireActor();
        User user = users.findById(actor.id().value()).orElseThrow();
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            return Outcome.refused(Refusal.invalid("currentPassword", IdentityRefusals.NOT_THE_CURRENT_PASSWORD));
        }
        if (passwords.matches(newPassword, user.passwordHash())) {
            return Outcome.refused(Refusal.invalid("newPassword", IdentityRefusals.SAME_PASSWORD));
        }
        Optional<Refusal> weak = PasswordRules.check("newPassword", newPassword, user.username());
        if (weak.isPresent()) {
            return Outcome.refused(weak.get());
        }
        String before = user.snapshot();
        user.choosePassword(passwords.encode(newPassword));
        users.save(user);
        IdentityAccess.currentPrincipal().ifPresent(ActorPrincipal::passwordChosen);
        changes.publish(actor.ref(), Change.USER_PASSWORD_CHANGED, user.id().toString(), before, user.snapshot());
        return Outcome.done(user.view());
    }

    /**
     * The signed-in user reads Cairn in this language from now on ({@code en} or {@code nl}): notifications to them
     * are written in it. A change is recorded in the audit trail; the same language again changes nothing.
     */
    @Transactional
    Outcome<UserView> chooseLanguage(String language) {
        if (!User.LANGUAGES.contains(language)) {
            return Outcome.refused(Refusal.invalid("language", IdentityRefusals.NOT_A_LANGUAGE));
        }
        Actor actor = access.requireActor();
        User user = users.findById(actor.id().value()).orElseThrow();
        String before = user.snapshot();
        if (user.speak(language)) {
            users.save(user);
            // what the user may do is unchanged: no session or token needs to be read again
            changes.audit(actor.ref(), Change.USER_LANGUAGE_CHOSEN, user.id().toString(), before, user.snapshot());
        }
        return Outcome.done(user.view());
    }
}
