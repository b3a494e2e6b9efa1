package io.cairn.knowledge;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.Refusal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may read and write what in the knowledge module. Staff read every article, everyone else (also a reporter
 * without an account) only self-help; handlers, coordinators and admins write articles. The security team reads the
 * reviews of incidents it may see, and handlers and coordinators write them.
 */
@Component
class KnowledgeAccess {

    private final IdentityManagement identity;
    private final IncidentManagement incidents;
    private final IncidentsForSystem system;

    KnowledgeAccess(IdentityManagement identity, IncidentManagement incidents, IncidentsForSystem system) {
        this.identity = identity;
        this.incidents = incidents;
        this.system = system;
    }

    /** The signed-in user; fails without one. */
    Actor requireActor() {
        return identity.requireActor();
    }

    /** Whether the user reads internal articles (staff), not only self-help; false without an account. */
    boolean readsInternalArticles() {
        return identity.currentActor().filter(KnowledgeAccess::readsInternal).isPresent();
    }

    /** Whether the user writes articles; false without an account. */
    boolean writesArticles() {
        return identity.currentActor().filter(KnowledgeAccess::writesArticles).isPresent();
    }

    static boolean readsInternal(Actor actor) {
        return actor.hasAny(Role.HANDLER, Role.COORDINATOR, Role.ADMIN, Role.PRIVACY_OFFICER, Role.AUDITOR);
    }

    static boolean writesArticles(Actor actor) {
        return actor.hasAny(Role.HANDLER, Role.COORDINATOR, Role.ADMIN);
    }

    /** The audiences whose articles this user reads. */
    static List<Audience> audiences(Actor actor) {
        return readsInternal(actor) ? List.of(Audience.values()) : List.of(Audience.REPORTERS);
    }

    /** What the reader of this request may read: self-help only without an account. */
    List<Audience> readerAudiences() {
        return identity.currentActor().map(KnowledgeAccess::audiences).orElse(List.of(Audience.REPORTERS));
    }

    /** The incident, if the signed-in user may see it; not audited as a read (only its existence is used). */
    Optional<IncidentView> visibleIncident(IncidentId id) {
        return incidents.resolveReference(id.toString()).flatMap(system::incident);
    }

    /** Whether the user reads the reviews of incidents they may see: the security team. */
    static boolean readsReviews(Actor actor) {
        return actor.hasAny(Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER, Role.AUDITOR);
    }

    /** Whether the user writes the reviews of incidents they may see: handlers and coordinators. */
    static boolean writesReviews(Actor actor) {
        return actor.hasAny(Role.HANDLER, Role.COORDINATOR);
    }

    /** Why the user may not write the review of this incident: they may not see it, or do not write reviews. */
    Optional<Refusal> reviewWriteRefusal(Actor actor, IncidentId id) {
        if (visibleIncident(id).isEmpty()) {
            return Optional.of(Refusal.notFound("incident " + id));
        }
        if (!writesReviews(actor)) {
            return Optional.of(Refusal.forbidden(KnowledgeRefusals.ONLY_STAFF_WRITE_REVIEWS));
        }
        return Optional.empty();
    }
}
