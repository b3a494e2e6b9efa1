package io.cairn.compliance;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import org.springframework.stereotype.Component;

/**
 * Who may do what with compliance settings: handlers, coordinators, privacy officers, auditors and admins read the
 * regimes; coordinators, privacy officers and admins read the legal entities; only admins load the regimes again and
 * change legal entities.
 */
@Component
class ComplianceAccess {

    private final IdentityManagement identity;

    ComplianceAccess(IdentityManagement identity) {
        this.identity = identity;
    }

    /** The signed-in admin, or why the user may not do {@code what}. */
    Outcome<Actor> requireAdmin(String what) {
        Actor actor = identity.requireActor();
        return actor.has(Role.ADMIN)
                ? Outcome.done(actor)
                : Outcome.refused(Refusal.forbidden(SharedRefusals.NEEDS_ROLE, "admin", what));
    }

    /** The signed-in user, if they may read the regimes. */
    Outcome<Actor> requireRegimeReader() {
        Actor actor = identity.requireActor();
        return actor.hasAny(Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER, Role.AUDITOR, Role.ADMIN)
                ? Outcome.done(actor)
                : Outcome.refused(Refusal.forbidden(
                        SharedRefusals.NEEDS_ROLE,
                        "handler, coordinator, privacy officer, auditor or admin",
                        "read the regimes"));
    }

    /** The signed-in user, if they may read the legal entities. */
    Outcome<Actor> requireEntityReader() {
        Actor actor = identity.requireActor();
        return actor.hasAny(Role.COORDINATOR, Role.PRIVACY_OFFICER, Role.ADMIN)
                ? Outcome.done(actor)
                : Outcome.refused(Refusal.forbidden(
                        SharedRefusals.NEEDS_ROLE, "coordinator, privacy officer or admin", "read the legal entities"));
    }
}
