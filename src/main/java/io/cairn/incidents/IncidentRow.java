package io.cairn.incidents;

import io.cairn.assets.DeviceId;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * An incident's state as its row in the table {@code incident} holds it, column by column and in the table's order:
 * the fields, the constructor Spring Data reads a row with, the values {@link NewIncidentsImpl#INSERT} stores a new
 * incident with, and the {@link #snapshot} the audit trail takes its digest of. Keeping the four together keeps them
 * in step, and {@code IncidentColumnsTest} proves they are. {@link Incident} adds the verbs that change the state;
 * nothing else writes these fields but Spring Data, when it reads a row.
 */
abstract class IncidentRow {

    @Id
    final UUID id;

    long number;
    String title;
    String description;
    String categoryClass;
    String categoryType;
    Determination determination;
    Severity severity;
    int impact;
    int urgency;
    int priority;
    Tlp tlp;
    Pap pap;
    final @Nullable UUID reporterId;

    @Nullable
    UUID ownerId;

    @Nullable
    UUID teamId;

    @Nullable
    UUID businessUnitId;

    boolean confidential;
    Status status;

    @Nullable
    String resolution;

    @Nullable
    String dismissalReason;

    @Nullable
    UUID mergedInto;

    @Nullable
    Instant occurredAt;

    @Nullable
    Instant detectedAt;

    final Instant reportedAt;

    @Nullable
    Instant acknowledgedAt;

    @Nullable
    Instant respondedAt;

    @Nullable
    Instant containedAt;

    @Nullable
    Instant eradicatedAt;

    @Nullable
    Instant recoveredAt;

    @Nullable
    Instant closedAt;

    Instant updatedAt;
    final @Nullable UUID assetId;
    final @Nullable String template;

    @Nullable
    DetectionSource detectionSource;

    @Nullable
    String detectedBy;

    @Version
    @Nullable
    Long version;

    /** Every column but those the database gives: the number, from a sequence, and the version, from Spring Data. */
    IncidentRow(
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
        this.id = id;
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
        this.respondedAt = respondedAt;
        this.containedAt = containedAt;
        this.eradicatedAt = eradicatedAt;
        this.recoveredAt = recoveredAt;
        this.closedAt = closedAt;
        this.updatedAt = updatedAt;
        this.assetId = assetId;
        this.template = template;
        this.detectionSource = detectionSource;
        this.detectedBy = detectedBy;
    }

    /** Takes the columns the constructor leaves out from a stored row, as Spring Data sets them after it. */
    void stored(long number, long version) {
        this.number = number;
        this.version = version;
    }

    /**
     * The columns of a newly reported incident but its number, in the order of {@link NewIncidentsImpl#INSERT},
     * converted as Spring Data JDBC converts them (enums by name, instants as timestamps); the version starts at 0 as
     * Spring Data's does.
     */
    Object[] insertValues() {
        return new Object[] {
            id,
            title,
            description,
            categoryClass,
            categoryType,
            determination.name(),
            severity.name(),
            impact,
            urgency,
            priority,
            tlp.name(),
            pap.name(),
            reporterId,
            ownerId,
            teamId,
            businessUnitId,
            confidential,
            status.name(),
            resolution,
            dismissalReason,
            mergedInto,
            timestamp(occurredAt),
            timestamp(detectedAt),
            timestamp(reportedAt),
            timestamp(acknowledgedAt),
            timestamp(respondedAt),
            timestamp(containedAt),
            timestamp(eradicatedAt),
            timestamp(recoveredAt),
            timestamp(closedAt),
            timestamp(updatedAt),
            assetId,
            template,
            detectionSource == null ? null : detectionSource.name(),
            detectedBy,
            0L
        };
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
                + ",closed=" + closedAt + ",updated=" + updatedAt + ",asset=" + assetId + ",template=" + template
                + detectionSnapshot() + responseSnapshot() + "}";
    }

    /**
     * How it was detected, in the snapshot only once known: the digests of incidents stored before detection was
     * recorded stay what the audit trail took them to be.
     */
    private String detectionSnapshot() {
        return detectionSource == null && detectedBy == null
                ? ""
                : ",detectionSource=" + detectionSource + ",detectedBy=" + detectedBy;
    }

    /**
     * When its response began and its threat was eradicated, in the snapshot only once reached: the digest of an
     * incident that has not reached them stays what it was before they were kept.
     */
    private String responseSnapshot() {
        return (respondedAt == null ? "" : ",responded=" + respondedAt)
                + (eradicatedAt == null ? "" : ",eradicated=" + eradicatedAt);
    }

    private Milestones milestones() {
        return new Milestones(
                occurredAt,
                detectedAt,
                reportedAt,
                acknowledgedAt,
                respondedAt,
                containedAt,
                eradicatedAt,
                recoveredAt,
                closedAt);
    }

    /** The incident as people read it, with the labels of the matrix's levels. */
    IncidentView view(PriorityMatrix matrix) {
        return new IncidentView(
                new IncidentId(id),
                number,
                title,
                description,
                new Category(categoryClass, categoryType),
                determination,
                severity,
                matrix.impactLabel(impact),
                matrix.urgencyLabel(urgency),
                matrix.priorityLabel(priority),
                priority,
                tlp,
                pap,
                reporterId == null ? null : new UserId(reporterId),
                ownerId == null ? null : new UserId(ownerId),
                teamId == null ? null : new TeamId(teamId),
                businessUnitId == null ? null : new BusinessUnitId(businessUnitId),
                confidential,
                status,
                resolution,
                dismissalReason,
                mergedInto == null ? null : new IncidentId(mergedInto),
                milestones(),
                updatedAt,
                assetId == null ? null : new DeviceId(assetId),
                template,
                detectionSource == null ? null : new Detection(detectionSource, detectedBy),
                List.of(),
                null,
                false,
                version == null ? 0 : version);
    }

    /**
     * A reported time in whole microseconds, as PostgreSQL keeps it: the state read back is then the state the audit
     * trail's digest was taken of.
     */
    static @Nullable Instant micros(@Nullable Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    // What the module reads of its state.

    Category category() {
        return new Category(categoryClass, categoryType);
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
}
