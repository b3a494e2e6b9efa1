package io.cairn.isms.evidence;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.identity.system.UsersForSystem;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.Refusal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who may do what with the evidence of an incident.
 *
 * <ul>
 *   <li>Read it (items, files, logs, the custody record): staff who read the incident in full, by the incidents
 *       module's rule; never its reporter, a team that only has a task of it, or anyone else. To them it does not
 *       exist.
 *   <li>Enter an item, check a held file's integrity and correct a fact: the incident's handlers and coordinators, and
 *       the item's custodian.
 *   <li>Hand an item over: its custodian only, as the person who holds it (ISO/IEC 27037); a handler cannot hand over
 *       what someone else holds.
 *   <li>Accept or decline a transfer: its receiver only.
 *   <li>Hold an item (collect it, or receive it): an enabled user who may read the incident's evidence.
 * </ul>
 */
@Component
class EvidenceAccess {

    private final IdentityManagement identity;
    private final IncidentsForSystem incidents;
    private final UsersForSystem users;

    EvidenceAccess(IdentityManagement identity, IncidentsForSystem incidents, UsersForSystem users) {
        this.identity = identity;
        this.incidents = incidents;
        this.users = users;
    }

    /** The signed-in user; fails without one. */
    Actor actor() {
        return identity.requireActor();
    }

    /** Why the user may not read the incident's evidence: as far as they know, the incident does not exist. */
    Optional<Refusal> readRefusal(Actor actor, IncidentId incident) {
        return incidents.readsInFull(actor, incident)
                ? Optional.empty()
                : Optional.of(Refusal.notFound("incident " + incident));
    }

    /** Whether the user may read the incident's evidence. */
    boolean reads(Actor actor, IncidentId incident) {
        return incidents.readsInFull(actor, incident);
    }

    /** Whether the user handles the incident, and so enters, checks and corrects its evidence. */
    boolean handles(Actor actor, IncidentId incident) {
        return incidents.handles(actor, incident);
    }

    /** Whether the user may check and correct the item: a handler of its incident, or its custodian. */
    boolean records(Actor actor, EvidenceItem item) {
        return item.custodian().equals(actor.id()) || handles(actor, item.incident());
    }

    /** The user, if they exist. */
    Optional<UserView> user(UserId id) {
        return users.users(List.of(id)).stream().findFirst();
    }

    /** Whether the user may hold the incident's evidence: enabled, and reading the incident in full. */
    boolean mayHold(UserView user, IncidentId incident) {
        return user.enabled() && incidents.readsInFull(user.actor(), incident);
    }

    /** The incident, for its reference and title; only after the reader was allowed to read its evidence. */
    Optional<IncidentView> incident(IncidentId id) {
        return incidents.incident(id);
    }

    /** The name people know this user by. */
    String name(UserId id) {
        return names(List.of(id)).getOrDefault(id, id.toString());
    }

    /** The names people know these users by; an unknown user is named by their id. */
    Map<UserId, String> names(Collection<UserId> ids) {
        Map<UserId, String> names =
                users.users(ids).stream().collect(Collectors.toMap(UserView::id, UserView::displayName, (a, b) -> a));
        ids.forEach(id -> names.putIfAbsent(id, id.toString()));
        return names;
    }
}
