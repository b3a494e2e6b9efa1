package io.cairn.handling.sla;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import org.springframework.stereotype.Component;

/**
 * Who may do what with SLAs: handlers, coordinators, auditors, privacy officers and admins read the calendars,
 * policies and escalation levels, and only admins change them or run a scan; handlers, coordinators, auditors and
 * privacy officers read an incident's clocks. Reporters see none of it.
 */
@Component
class SlaAccess {

    private static final Role[] READERS = {
        Role.HANDLER, Role.COORDINATOR, Role.AUDITOR, Role.PRIVACY_OFFICER, Role.ADMIN
    };

    private final IdentityManagement identity;

    SlaAccess(IdentityManagement identity) {
        this.identity = identity;
    }

    /** The signed-in admin, or why the user may not do {@code what} (such as "change calendars"). */
    Outcome<Actor> requireAdmin(String what) {
        Actor actor = identity.requireActor();
        return actor.has(Role.ADMIN)
                ? Outcome.done(actor)
                : Outcome.refused(Refusal.forbidden(SharedRefusals.NEEDS_ROLE, "admin", what));
    }

    /** The signed-in user, if they may read the SLA settings. */
    Outcome<Actor> requireReader() {
        Actor actor = identity.requireActor();
        return actor.hasAny(READERS)
                ? Outcome.done(actor)
                : Outcome.refused(Refusal.forbidden(
                        SharedRefusals.NEEDS_ROLE, "handler, coordinator, auditor or admin", "read SLA settings"));
    }

    /** The signed-in user, if they may read the SLA clocks of incidents (those they may see). */
    Outcome<Actor> requireClockReader() {
        Actor actor = identity.requireActor();
        return actor.hasAny(Role.HANDLER, Role.COORDINATOR, Role.AUDITOR, Role.PRIVACY_OFFICER)
                ? Outcome.done(actor)
                : Outcome.refused(Refusal.forbidden(
                        SharedRefusals.NEEDS_ROLE, "handler, coordinator or auditor", "read SLA clocks"));
    }
}
