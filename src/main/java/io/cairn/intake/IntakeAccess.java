package io.cairn.intake;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may do what with report templates: admins add, revise, retire and order them and see retired ones; everyone,
 * also a reporter without an account, reads the active ones and reports through them.
 */
@Component
class IntakeAccess {

    private final IdentityManagement identity;

    IntakeAccess(IdentityManagement identity) {
        this.identity = identity;
    }

    /** Why the signed-in user may not do this without the admin role; empty for an admin. */
    Optional<Refusal> requireAdmin(String what) {
        return isAdmin() ? Optional.empty() : Optional.of(Refusal.forbidden(SharedRefusals.NEEDS_ROLE, "admin", what));
    }

    /** Whether the signed-in user is an admin; false without an account. */
    boolean isAdmin() {
        return identity.currentActor().filter(actor -> actor.has(Role.ADMIN)).isPresent();
    }
}
