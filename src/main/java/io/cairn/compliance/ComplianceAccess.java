package io.cairn.compliance;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import org.springframework.stereotype.Component;

/**
 * Who may do what with compliance settings: handlers, coordinators, privacy officers, auditors and admins read the
 * regimes; coordinators, privacy officers and admins read the legal entities; only admins load the regimes again and
 * change legal entities.
 *
 * <p>An incident's facts, decisions and obligations: staff who may see the incident read them (reporters do not, not
 * even of their own reports); coordinators, privacy officers and handlers who may handle it record them.
 */
@Component
class ComplianceAccess {

    /** The user's standing towards an incident's compliance: the incident they see, and whether they may record. */
    record IncidentGrant(Actor actor, IncidentView incident, boolean mayRecord) {}

    private static final Role[] STAFF = {Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER, Role.AUDITOR};

    /** Who reads the breach register and the deadlines across incidents. */
    private static final Role[] REGISTER_READERS = {Role.PRIVACY_OFFICER, Role.COORDINATOR};

    private final IdentityManagement identity;
    private final IncidentManagement incidents;

    ComplianceAccess(IdentityManagement identity, IncidentManagement incidents) {
        this.identity = identity;
        this.incidents = incidents;
    }

    /** The user's standing towards the incident's compliance, if they may read it; 404 when they cannot see it. */
    Outcome<IncidentGrant> requireIncidentReader(IncidentId id) {
        return identity.requireAnyRole("read an incident's regulatory facts and decisions", STAFF)
                .flatMap(actor -> incidents
                        .incident(id)
                        .map(incident -> Outcome.done(new IncidentGrant(actor, incident, mayRecord(actor, id))))
                        .orElseGet(() -> Outcome.refused(Refusal.notFound("incident " + id))));
    }

    /** The user's standing towards the incident's compliance, if they may record facts and decisions. */
    Outcome<IncidentGrant> requireIncidentRecorder(IncidentId id) {
        return requireIncidentReader(id)
                .flatMap(grant -> grant.mayRecord()
                        ? Outcome.done(grant)
                        : Outcome.refused(Refusal.forbidden(
                                ComplianceRefusals.MAY_NOT_HANDLE,
                                grant.incident().reference())));
    }

    private boolean mayRecord(Actor actor, IncidentId id) {
        return actor.hasAny(Role.COORDINATOR, Role.PRIVACY_OFFICER)
                || actor.has(Role.HANDLER) && incidents.mayHandle(id);
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

    /** The signed-in user, if they may read the obligations across incidents. */
    Outcome<Actor> requireObligationReader() {
        return identity.requireAnyRole("read the obligations across incidents", Role.COORDINATOR, Role.PRIVACY_OFFICER);
    }

    /** The signed-in user, if they may read the breach register and the deadlines across incidents. */
    Outcome<Actor> requireRegisterReader() {
        return identity.requireAnyRole("read the breach register and the deadlines", REGISTER_READERS);
    }

    /** Whether the user reads the breach register and the deadlines: also one who is not signed in (a feed's holder). */
    static boolean readsRegister(Actor actor) {
        return actor.hasAny(REGISTER_READERS);
    }

    /** The signed-in user, if they may read the legal entities. */
    Outcome<Actor> requireEntityReader() {
        return identity.requireAnyRole("read the legal entities", Role.COORDINATOR, Role.PRIVACY_OFFICER, Role.ADMIN);
    }
}
