package io.cairn.compliance;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
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
        return identity.requireAnyRole(what, Role.ADMIN);
    }

    /** The signed-in user, if they may read the regimes. */
    Outcome<Actor> requireRegimeReader() {
        return identity.requireAnyRole(
                "read the regimes", Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER, Role.AUDITOR, Role.ADMIN);
    }

    /** The signed-in user, if they may read the legal entities. */
    Outcome<Actor> requireEntityReader() {
        return identity.requireAnyRole("read the legal entities", Role.COORDINATOR, Role.PRIVACY_OFFICER, Role.ADMIN);
    }
}
