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
    Instant containedAt;

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
            @Nullable Instant containedAt,
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
        this.containedAt = containedAt;
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
            timestamp(containedAt),
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
                + detectionSnapshot() + "}";
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
                occurredAt,
                detectedAt,
                reportedAt,
                acknowledgedAt,
                containedAt,
                recoveredAt,
                closedAt,
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
}
