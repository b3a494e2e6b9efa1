package io.cairn.handling.routing;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may do what with routing rules: admins, handlers and coordinators read them; only admins add, change, reorder
 * and remove them.
 */
@Component
class RoutingAccess {

    private final IdentityManagement identity;

    RoutingAccess(IdentityManagement identity) {
        this.identity = identity;
    }

    /** Why the signed-in user may not read routing rules, if they may not. */
    Optional<Refusal> refuseReader() {
        return identity.requireActor().hasAny(Role.ADMIN, Role.HANDLER, Role.COORDINATOR)
                ? Optional.empty()
                : Optional.of(Refusal.forbidden(
                        SharedRefusals.NEEDS_ROLE, "admin or handler or coordinator", "read routing rules"));
    }

    /** Why the signed-in user may not do {@code what} (such as "add routing rules"), if they are no admin. */
    Optional<Refusal> refuseEditor(String what) {
        return identity.requireActor().hasAny(Role.ADMIN)
                ? Optional.empty()
                : Optional.of(Refusal.forbidden(SharedRefusals.NEEDS_ROLE, "admin", what));
    }
}
