package io.cairn.incidents;

import io.cairn.assets.DeviceId;
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
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A security incident: what happened, how bad and how urgent, who handles it, how it is marked, and where it is in
 * its lifecycle. It changes only through its verbs; each keeps the lifecycle's rules.
 */
@Table("incident")
class Incident {

    @Id
    private final UUID id;
    private long number;
    private String title;
    private String description;
    private String categoryClass;
    private String categoryType;
    private Determination determination;
    private Severity severity;
    private int impact;
    private int urgency;
    private int priority;
    private Tlp tlp;
    private Pap pap;
    private final @Nullable UUID reporterId;
    private @Nullable UUID ownerId;
    private @Nullable UUID teamId;
    private @Nullable UUID businessUnitId;
    private boolean confidential;
    private Status status;
    private @Nullable String resolution;
    private @Nullable String dismissalReason;
    private @Nullable UUID mergedInto;
    private @Nullable Instant occurredAt;
    private @Nullable Instant detectedAt;
    private final Instant reportedAt;
    private @Nullable Instant acknowledgedAt;
    private @Nullable Instant containedAt;
    private @Nullable Instant recoveredAt;
    private @Nullable Instant closedAt;
    private Instant updatedAt;
    private final @Nullable UUID assetId;
    private final @Nullable String template;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Incident(UUID id, long number, String title, String description, String categoryClass, String categoryType,
            Determination determination, Severity severity, int impact, int urgency, int priority, Tlp tlp, Pap pap,
            @Nullable UUID reporterId, @Nullable UUID ownerId, @Nullable UUID teamId, @Nullable UUID businessUnitId,
            boolean confidential, Status status, @Nullable String resolution, @Nullable String dismissalReason,
            @Nullable UUID mergedInto, @Nullable Instant occurredAt, @Nullable Instant detectedAt,
            Instant reportedAt, @Nullable Instant acknowledgedAt, @Nullable Instant containedAt,
            @Nullable Instant recoveredAt, @Nullable Instant closedAt, Instant updatedAt, @Nullable UUID assetId,
            @Nullable String template, @Nullable Long version) {
        this.id = id;
        this.number = number;
        this.title = title;
        this.description = description;
        this.categoryClass = categoryClass;
        this.categoryType = categoryType;
        this.determination = determination;
        this.severity = severity;
        this.impact = impact;
        this.urgency = urgency;
        this.priority = priority;
        this.tlp = tlp;
        this.pap = pap;
        this.reporterId = reporterId;
        this.ownerId = ownerId;
        this.teamId = teamId;
        this.businessUnitId = businessUnitId;
        this.confidential = confidential;
        this.status = status;
        this.resolution = resolution;
        this.dismissalReason = dismissalReason;
        this.mergedInto = mergedInto;
        this.occurredAt = occurredAt;
        this.detectedAt = detectedAt;
        this.reportedAt = reportedAt;
        this.acknowledgedAt = acknowledgedAt;
        this.containedAt = containedAt;
        this.recoveredAt = recoveredAt;
        this.closedAt = closedAt;
        this.updatedAt = updatedAt;
        this.assetId = assetId;
        this.template = template;
        this.version = version;
    }

    /** A newly reported incident, in status {@code new}; without a reporter when reported anonymously. */
    static Incident report(IncidentId id, ValidReport report, @Nullable UserId reporter, Instant now) {
        return new Incident(id.value(), 0, report.title(), report.description(),
                report.category().rsitClass(), report.category().rsitType(), report.determination(),
                report.severity(), report.impact(), report.urgency(), report.priority(), report.tlp(), report.pap(),
                uuid(reporter), uuid(report.owner()), uuid(report.team()), uuid(report.businessUnit()),
                report.confidential(), Status.NEW, null, null, null, micros(report.occurredAt()),
                micros(report.detectedAt()), now,
                null, null, null, null, now, report.asset() == null ? null : report.asset().value(), report.template(),
                null);
    }

    /** Takes the number the database handed out when it stored the new incident; a number never changes after. */
    void numbered(long number) {
        if (this.number != 0) {
            throw new IllegalStateException("incident " + id + " already has number " + this.number);
        }
        this.number = number;
    }

    void describe(String title, String description, Instant now) {
        this.title = title;
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

    void mark(Tlp tlp, Pap pap, boolean confidential, Instant now) {
        this.tlp = tlp;
        this.pap = pap;
        this.confidential = confidential;
        touch(now);
    }

    void recordTimes(@Nullable Instant occurredAt, @Nullable Instant detectedAt, Instant now) {
        this.occurredAt = micros(occurredAt);
        this.detectedAt = micros(detectedAt);
        touch(now);
    }

    /**
     * Moves the incident to another status if the lifecycle allows it. Dismissing needs a reason the reporter will
     * read, closing needs a resolution, reopening needs a reason.
     */
    Optional<Refusal> transition(Status target, @Nullable String reason, Instant now) {
        if (mergedInto != null) {
            return Optional.of(Refusal.conflict("status", "this incident was merged into another; work on that one"));
        }
        if (!status.mayMoveTo(target)) {
            return Optional.of(Refusal.conflict("to", "an incident in status {0} cannot move to {1}; allowed: {2}",
                    status.code(), target.code(), status.next().isEmpty() ? "none"
                            : status.next().stream().map(Status::code).toList().toString()));
        }
        boolean needsReason = target == Status.DISMISSED || target == Status.CLOSED || status == Status.CLOSED;
        if (needsReason && (reason == null || reason.isBlank())) {
            String what = target == Status.DISMISSED ? "dismissing needs a reason the reporter will read"
                    : target == Status.CLOSED ? "closing needs a resolution" : "reopening needs a reason";
            return Optional.of(Refusal.invalid("reason", what));
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
        if (from == Status.CONTAINMENT && containedAt == null) {
            containedAt = now;
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
            default -> { }
        }
    }

    /** Closes this incident as a duplicate folded into another. */
    Optional<Refusal> mergeInto(Incident target, Instant now) {
        if (target.id.equals(id)) {
            return Optional.of(Refusal.invalid("target", "an incident cannot be merged into itself"));
        }
        if (mergedInto != null) {
            return Optional.of(Refusal.conflict("target", "this incident was already merged"));
        }
        if (target.status.isFinal() || target.mergedInto != null) {
            return Optional.of(Refusal.conflict("target", "cannot merge into an incident that is "
                    + target.status.code()));
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

    /** Another incident was merged into this one. */
    void absorbDuplicate(Instant now) {
        touch(now);
    }

    private void touch(Instant now) {
        updatedAt = now;
    }

    IncidentId id() {
        return new IncidentId(id);
    }

    String reference() {
        return IncidentView.referenceOf(number);
    }

    String title() {
        return title;
    }

    Status status() {
        return status;
    }

    boolean confidential() {
        return confidential;
    }

    Optional<UserId> reporter() {
        return Optional.ofNullable(reporterId).map(UserId::new);
    }

    boolean reportedBy(UserId user) {
        return user.value().equals(reporterId);
    }

    Optional<UserId> owner() {
        return Optional.ofNullable(ownerId).map(UserId::new);
    }

    Optional<TeamId> team() {
        return Optional.ofNullable(teamId).map(TeamId::new);
    }

    Tlp tlp() {
        return tlp;
    }

    long version() {
        return version == null ? 0 : version;
    }

    IncidentView view(PriorityMatrix matrix) {
        return new IncidentView(id(), number, reference(), title, description, new Category(categoryClass,
                categoryType), determination, severity, matrix.impactLabel(impact), matrix.urgencyLabel(urgency),
                matrix.priorityLabel(priority), priority, tlp, pap, reporter().orElse(null), owner().orElse(null),
                team().orElse(null), businessUnitId == null ? null : new BusinessUnitId(businessUnitId),
                confidential, status, resolution, dismissalReason,
                mergedInto == null ? null : new IncidentId(mergedInto), occurredAt, detectedAt, reportedAt,
                acknowledgedAt, containedAt, recoveredAt, closedAt, updatedAt,
                assetId == null ? null : new DeviceId(assetId), template, version());
    }

    /**
     * The columns of a newly reported incident but its number, in the order of {@link NewIncidentsImpl#INSERT}, converted as Spring
     * Data JDBC converts them (enums by name, instants as timestamps); the version starts at 0 as Spring Data's does.
     */
    Object[] insertValues() {
        return new Object[] {id, title, description, categoryClass, categoryType, determination.name(),
            severity.name(), impact, urgency, priority, tlp.name(), pap.name(), reporterId, ownerId, teamId,
            businessUnitId, confidential, status.name(), resolution, dismissalReason, mergedInto, timestamp(occurredAt),
            timestamp(detectedAt), timestamp(reportedAt), timestamp(acknowledgedAt), timestamp(containedAt),
            timestamp(recoveredAt), timestamp(closedAt), timestamp(updatedAt), assetId, template, 0L};
    }

    /**
     * A reported time in whole microseconds, as PostgreSQL keeps it: the state read back is then the state the audit
     * trail's digest was taken of.
     */
    private static @Nullable Instant micros(@Nullable Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static java.sql.@Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }

    /** The state the audit trail takes a digest of, before and after each change. */
    String snapshot() {
        return "incident{id=" + id + ",number=" + number + ",title=" + title + ",description=" + description
                + ",category=" + categoryClass + "/" + categoryType + ",determination=" + determination
                + ",severity=" + severity + ",impact=" + impact + ",urgency=" + urgency + ",priority=" + priority
                + ",tlp=" + tlp + ",pap=" + pap + ",reporter=" + reporterId + ",owner=" + ownerId + ",team=" + teamId
                + ",businessUnit=" + businessUnitId + ",confidential=" + confidential + ",status=" + status
                + ",resolution=" + resolution + ",dismissalReason=" + dismissalReason + ",mergedInto=" + mergedInto
                + ",occurred=" + occurredAt + ",detected=" + detectedAt + ",reported=" + reportedAt
                + ",acknowledged=" + acknowledgedAt + ",contained=" + containedAt + ",recovered=" + recoveredAt
                + ",closed=" + closedAt + ",updated=" + updatedAt + ",asset=" + assetId + ",template=" + template + "}";
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
