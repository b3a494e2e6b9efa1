package io.cairn.incidents;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.Pap;
import io.cairn.shared.Refusal;
import io.cairn.shared.Tlp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A security incident: what happened, how bad and how urgent, who handles it, how it is marked, and where it is in
 * its lifecycle. It changes only through its verbs; each keeps the lifecycle's rules. Its state, column by column, is
 * {@link IncidentRow}'s.
 */
@Table("incident")
class Incident extends IncidentRow {

    /** An incident as Spring Data reads it from its row; see {@link IncidentRow}. */
    Incident(
            UUID id,
            String title,
            String description,
            String categoryClass,
            String categoryType,
            Determination determination,
            Severity severity,
            int impact,
            int urgency,
            int priority,
            Tlp tlp,
            Pap pap,
            @Nullable UUID reporterId,
            @Nullable UUID ownerId,
            @Nullable UUID teamId,
            @Nullable UUID businessUnitId,
            boolean confidential,
            Status status,
            @Nullable String resolution,
            @Nullable String dismissalReason,
            @Nullable UUID mergedInto,
            @Nullable Instant occurredAt,
            @Nullable Instant detectedAt,
            Instant reportedAt,
            @Nullable Instant acknowledgedAt,
            @Nullable Instant respondedAt,
            @Nullable Instant containedAt,
            @Nullable Instant eradicatedAt,
            @Nullable Instant recoveredAt,
            @Nullable Instant closedAt,
            Instant updatedAt,
            @Nullable UUID assetId,
            @Nullable String template,
            @Nullable DetectionSource detectionSource,
            @Nullable String detectedBy) {
        super(
                id,
                title,
                description,
                categoryClass,
                categoryType,
                determination,
                severity,
                impact,
                urgency,
                priority,
                tlp,
                pap,
                reporterId,
                ownerId,
                teamId,
                businessUnitId,
                confidential,
                status,
                resolution,
                dismissalReason,
                mergedInto,
                occurredAt,
                detectedAt,
                reportedAt,
                acknowledgedAt,
                respondedAt,
                containedAt,
                eradicatedAt,
                recoveredAt,
                closedAt,
                updatedAt,
                assetId,
                template,
                detectionSource,
                detectedBy);
    }

    /** A newly reported incident, in status {@code new}; without a reporter when reported anonymously. */
    static Incident report(IncidentId id, ValidReport report, @Nullable UserId reporter, Instant now) {
        return new Incident(
                id.value(),
                report.title(),
                report.description(),
                report.category().rsitClass(),
                report.category().rsitType(),
                report.determination(),
                report.severity(),
                report.impact(),
                report.urgency(),
                report.priority(),
                report.tlp(),
                report.pap(),
                uuid(reporter),
                uuid(report.owner()),
                uuid(report.team()),
                uuid(report.businessUnit()),
                report.confidential(),
                Status.NEW,
                null,
                null,
                null,
                micros(report.occurredAt()),
                micros(report.detectedAt()),
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                now,
                report.asset() == null ? null : report.asset().value(),
                report.template(),
                report.detectionSource(),
                report.detectedBy());
    }

    /** Takes the number the database handed out when it stored the new incident; a number never changes after. */
    void numbered(long number) {
        if (this.number != 0) {
            throw new IllegalStateException("incident " + id + " already has number " + this.number);
        }
        this.number = number;
    }

    /** Gives the incident a new title and description. */
    void describe(IncidentTitle title, String description, Instant now) {
        this.title = title.text();
        this.description = description;
        touch(now);
    }

    /** Gives the incident its owner, team and business unit; a person taking it on acknowledges it. */
    void assign(@Nullable UserId owner, @Nullable TeamId team, @Nullable BusinessUnitId businessUnit, Instant now) {
        if (owner != null && acknowledgedAt == null) {
            acknowledgedAt = now;
        }
        this.ownerId = uuid(owner);
        this.teamId = uuid(team);
        this.businessUnitId = uuid(businessUnit);
        touch(now);
    }

    void reprioritise(int impact, int urgency, int priority, Instant now) {
        this.impact = impact;
        this.urgency = urgency;
        this.priority = priority;
        touch(now);
    }

    void recategorise(Category category, Severity severity, Determination determination, Instant now) {
        this.categoryClass = category.rsitClass();
        this.categoryType = category.rsitType();
        this.severity = severity;
        this.determination = determination;
        touch(now);
    }

    /**
     * Changes the markings. A TLP may be raised (made more restrictive) freely; lowering it is a decision that needs
     * a reason, which the timeline and the audit trail keep.
     */
    Optional<Refusal> mark(Tlp tlp, Pap pap, boolean confidential, @Nullable String reason, Instant now) {
        if (lowers(tlp) && (reason == null || reason.isBlank())) {
            return Optional.of(
                    Refusal.invalid("reason", IncidentRefusals.LOWERING_NEEDS_REASON, this.tlp.label(), tlp.label()));
        }
        this.tlp = tlp;
        this.pap = pap;
        this.confidential = confidential;
        touch(now);
        return Optional.empty();
    }

    /** Whether marking the incident with this TLP lowers its marking (makes it less restrictive). */
    boolean lowers(Tlp marking) {
        return marking.compareTo(tlp) < 0;
    }

    void recordTimes(@Nullable Instant occurredAt, @Nullable Instant detectedAt, Instant now) {
        this.occurredAt = micros(occurredAt);
        this.detectedAt = micros(detectedAt);
        touch(now);
    }

    /** Records who or what detected the incident (MET-5). */
    void recordDetection(DetectionSource source, @Nullable String by, Instant now) {
        this.detectionSource = source;
        this.detectedBy = by == null || by.isBlank() ? null : by.strip();
        touch(now);
    }

    /**
     * Moves the incident to another status if the lifecycle allows it. Dismissing needs a reason the reporter will
     * read, closing needs a resolution, reopening needs a reason.
     */
    Optional<Refusal> transition(Status target, @Nullable String reason, Instant now) {
        if (mergedInto != null) {
            return Optional.of(Refusal.conflict("status", IncidentRefusals.MERGED));
        }
        if (!status.mayMoveTo(target)) {
            return Optional.of(Refusal.conflict(
                    "to",
                    IncidentRefusals.NOT_ALLOWED_NEXT,
                    status.code(),
                    target.code(),
                    status.next().isEmpty()
                            ? "none"
                            : status.next().stream().map(Status::code).toList().toString()));
        }
        if (status == Status.TRIAGE && target == Status.ANALYSIS && detectionSource == null) {
            return Optional.of(Refusal.invalid("detectionSource", IncidentRefusals.ACCEPTING_NEEDS_DETECTION));
        }
        Optional<Refusal> noReason = status.missingReason(target, reason);
        if (noReason.isPresent()) {
            return noReason;
        }
        Status from = status;
        status = target;
        stampMilestones(from, target, reason, now);
        touch(now);
        return Optional.empty();
    }

    private void stampMilestones(Status from, Status target, @Nullable String reason, Instant now) {
        if (from == Status.NEW && acknowledgedAt == null) {
            acknowledgedAt = now;
        }
        if (target == Status.ANALYSIS && respondedAt == null) {
            respondedAt = now;
        }
        if (from == Status.CONTAINMENT && containedAt == null) {
            containedAt = now;
        }
        if (from == Status.ERADICATION && eradicatedAt == null) {
            eradicatedAt = now;
        }
        if (from == Status.RECOVERY && recoveredAt == null) {
            recoveredAt = now;
        }
        switch (target) {
            case CLOSED -> {
                closedAt = now;
                resolution = reason;
            }
            case DISMISSED -> {
                closedAt = now;
                dismissalReason = reason;
            }
            case ANALYSIS -> {
                if (from == Status.CLOSED) {
                    closedAt = null;
                    resolution = null;
                }
            }
            default -> {}
        }
    }

    /** Closes this incident as a duplicate folded into another. */
    Optional<Refusal> mergeInto(Incident target, Instant now) {
        if (target.id.equals(id)) {
            return Optional.of(Refusal.invalid("target", IncidentRefusals.MERGE_INTO_ITSELF));
        }
        if (mergedInto != null) {
            return Optional.of(Refusal.conflict("target", IncidentRefusals.ALREADY_MERGED));
        }
        if (target.status.isFinal() || target.mergedInto != null) {
            return Optional.of(
                    switch (target.status) {
                        case CLOSED -> Refusal.conflict("target", IncidentRefusals.MERGE_INTO_CLOSED);
                        case DISMISSED -> Refusal.conflict("target", IncidentRefusals.MERGE_INTO_DISMISSED);
                        default -> Refusal.conflict("target", IncidentRefusals.MERGE_INTO_STATUS, target.status.code());
                    });
        }
        mergedInto = target.id;
        status = Status.CLOSED;
        resolution = "Merged into " + target.reference();
        closedAt = now;
        if (acknowledgedAt == null) {
            acknowledgedAt = now;
        }
        touch(now);
        return Optional.empty();
    }

    /** The services it affects were named anew; they are kept beside it, so only the change's moment is its own. */
    void nameAffectedServices(Instant now) {
        touch(now);
    }

    /** The incident was described anew in VERIS terms. */
    void describeInVeris(Instant now) {
        touch(now);
    }

    /** Another incident was merged into this one. */
    void absorbDuplicate(Instant now) {
        touch(now);
    }

    private void touch(Instant now) {
        updatedAt = now;
    }

    private static @Nullable UUID uuid(@Nullable Object id) {
        if (id instanceof UserId user) {
            return user.value();
        }
        if (id instanceof TeamId team) {
            return team.value();
        }
        if (id instanceof BusinessUnitId unit) {
            return unit.value();
        }
        return null;
    }
}
