package io.cairn.knowledge;

import io.cairn.identity.Actor;
import io.cairn.identity.Role;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recurring incidents: why one recurs (the earlier incidents it resembles within the recurrence window: the same
 * asset, the same category and similar text, or the same root cause), the list of recurring incidents for
 * coordinators, and the candidates computed now; each reader sees only the earlier incidents they may see.
 */
@Component
class RecurrenceFinding {

    /** The reason an incident recurs when its review found the same root cause as an earlier one's. */
    static final String SAME_ROOT_CAUSE = "same-root-cause";

    private static final int MAX_LISTED = 500;

    private final Recurrences recurrences;
    private final Reviews reviews;
    private final KnowledgeAccess access;
    private final IncidentManagement incidents;
    private final IncidentsForSystem system;
    private final KnowledgeSettings.Recurrence settings;

    RecurrenceFinding(
            Recurrences recurrences,
            Reviews reviews,
            KnowledgeAccess access,
            IncidentManagement incidents,
            IncidentsForSystem system,
            KnowledgeSettings.Recurrence settings) {
        this.recurrences = recurrences;
        this.reviews = reviews;
        this.access = access;
        this.incidents = incidents;
        this.system = system;
        this.settings = settings;
    }

    /**
     * Why an incident the signed-in user may handle recurs: the earlier incidents it resembles that they may see;
     * empty when it does not recur or they may not see it.
     */
    @Transactional(readOnly = true)
    Optional<Recurrence> recurrence(IncidentId id) {
        Actor actor = access.requireActor();
        if (!actor.hasAny(Role.HANDLER, Role.COORDINATOR)
                || access.visibleIncident(id).isEmpty()) {
            return Optional.empty();
        }
        return Recurrences.grouped(recurrences.of(id)).stream()
                .findFirst()
                .map(this::onlyVisible)
                .filter(recurrence -> !recurrence.earlier().isEmpty());
    }

    /** The recurring incidents, most recently reported first (coordinators). */
    @Transactional(readOnly = true)
    Outcome<List<Recurrence>> recurringIncidents(int limit) {
        if (!access.requireActor().has(Role.COORDINATOR)) {
            return Outcome.refused(Refusal.forbidden(KnowledgeRefusals.ONLY_COORDINATORS_SEE_RECURRENCES));
        }
        if (limit < 1 || limit > MAX_LISTED) {
            return Outcome.refused(Refusal.invalid("limit", SharedRefusals.OUT_OF_RANGE, "1", "500"));
        }
        return Outcome.done(recurrences.recent(limit));
    }

    /**
     * The earlier incidents that make this one recurring, computed now rather than read from the stored flags: the
     * same asset or category and similar text (from the incidents module), and the same root cause (from completed
     * reviews), within the recurrence window; only those the signed-in user may see.
     */
    @Transactional(readOnly = true)
    Outcome<List<Recurrence.Earlier>> candidates(IncidentId id, int limit) {
        Actor actor = access.requireActor();
        if (access.visibleIncident(id).isEmpty()) {
            return Outcome.refused(Refusal.notFound("incident " + id));
        }
        if (!actor.hasAny(Role.HANDLER, Role.COORDINATOR)) {
            return Outcome.refused(Refusal.forbidden(KnowledgeRefusals.ONLY_STAFF_SEE_CANDIDATES));
        }
        if (limit < 1 || limit > IncidentsForSystem.MAX_SIMILAR) {
            return Outcome.refused(Refusal.invalid(
                    "limit", SharedRefusals.OUT_OF_RANGE, "1", String.valueOf(IncidentsForSystem.MAX_SIMILAR)));
        }
        IncidentView incident = system.incident(id).orElseThrow();
        return Outcome.done(Recurrences.grouped(flags(incident, limit)).stream()
                .findFirst()
                .map(this::onlyVisible)
                .map(Recurrence::earlier)
                .orElse(List.of()));
    }

    /** The flags an incident has now, for every reason; for detection and for the candidates. */
    List<Recurrences.Flag> flags(IncidentView incident, int limit) {
        List<Recurrences.Flag> flags = new ArrayList<>(similarFlags(incident, limit));
        flags.addAll(sameRootCauseFlags(incident, limit));
        return flags;
    }

    /** The earlier incidents with the same asset, or the same category and similar text. */
    private List<Recurrences.Flag> similarFlags(IncidentView incident, int limit) {
        Duration window = Duration.between(windowStart(incident.reportedAt()), incident.reportedAt());
        return system.similarIncidents(incident.id(), window, limit).stream()
                .flatMap(similar -> similar.reasons().stream()
                        .map(reason -> new Recurrences.Flag(
                                incident.id(),
                                incident.reference(),
                                incident.title(),
                                incident.reportedAt(),
                                similar.id(),
                                similar.reference(),
                                similar.title(),
                                similar.reportedAt(),
                                reason,
                                similar.score())))
                .toList();
    }

    /** The earlier incidents whose completed review found the root cause this incident's completed review found. */
    private List<Recurrences.Flag> sameRootCauseFlags(IncidentView incident, int limit) {
        return reviews
                .find(incident.id())
                .flatMap(PostIncidentReview::foundRootCause)
                .map(cause -> reviews.completedWithRootCause(
                        cause, windowStart(incident.reportedAt()), incident.reportedAt(), incident.id()))
                .orElse(List.of())
                .stream()
                .filter(earlier -> earlier.reportedAt().isBefore(incident.reportedAt()))
                .limit(limit)
                .map(earlier -> new Recurrences.Flag(
                        incident.id(),
                        incident.reference(),
                        incident.title(),
                        incident.reportedAt(),
                        earlier.incident(),
                        earlier.reference(),
                        earlier.title(),
                        earlier.reportedAt(),
                        SAME_ROOT_CAUSE,
                        1.0))
                .toList();
    }

    /** The start of the recurrence window of an incident reported then. */
    Instant windowStart(Instant reportedAt) {
        return reportedAt.atZone(ZoneOffset.UTC).minus(settings.window()).toInstant();
    }

    /** The end of the window in which later incidents recur after one reported then. */
    Instant windowEnd(Instant reportedAt) {
        return reportedAt.atZone(ZoneOffset.UTC).plus(settings.window()).toInstant();
    }

    private Recurrence onlyVisible(Recurrence recurrence) {
        return new Recurrence(
                recurrence.incident(),
                recurrence.reference(),
                recurrence.title(),
                recurrence.reportedAt(),
                recurrence.earlier().stream()
                        .filter(earlier -> incidents
                                .resolveReference(earlier.incident().toString())
                                .isPresent())
                        .toList());
    }
}
