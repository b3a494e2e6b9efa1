package io.cairn.incidents;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.cairn.assets.DeviceId;
import io.cairn.assets.ServiceSummary;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An incident as those who may see it read it; {@code reporter} is absent for an anonymous report.
 *
 * @param milestones when it reached each milestone of its handling; the API writes them beside the other fields
 * @param asset the device the incident concerns, when the reporter or handler named a registered one
 * @param template the key of the report template it was reported through, if any
 * @param detection who or what detected it (MET-5); null until known (older incidents, anonymous reports before
 *     triage)
 * @param affectedServices the services it affects, as handlers named them, retired ones too
 * @param receivedFrom the name of the provider peer that published it to this instance; null when reported here
 * @param relayed whether this instance relayed it, received, to its own customers
 */
public record IncidentView(
        IncidentId id,
        long number,
        String title,
        String description,
        Category category,
        Determination determination,
        Severity severity,
        String impact,
        String urgency,
        String priority,
        int priorityLevel,
        Tlp tlp,
        Pap pap,
        @Nullable UserId reporter,
        @Nullable UserId owner,
        @Nullable TeamId team,
        @Nullable BusinessUnitId businessUnit,
        boolean confidential,
        Status status,
        @Nullable String resolution,
        @Nullable String dismissalReason,
        @Nullable IncidentId mergedInto,
        @JsonUnwrapped Milestones milestones,
        Instant updatedAt,
        @Nullable DeviceId asset,
        @Nullable String template,
        @Nullable Detection detection,
        List<ServiceSummary> affectedServices,
        @Nullable String receivedFrom,
        boolean relayed,
        long version) {

    public IncidentView {
        affectedServices = List.copyOf(affectedServices);
    }

    /** The same incident as staff read it: with the services it affects and where it came from and went. */
    IncidentView forStaff(List<ServiceSummary> services, @Nullable String receivedFrom, boolean relayed) {
        return new IncidentView(
                id,
                number,
                title,
                description,
                category,
                determination,
                severity,
                impact,
                urgency,
                priority,
                priorityLevel,
                tlp,
                pap,
                reporter,
                owner,
                team,
                businessUnit,
                confidential,
                status,
                resolution,
                dismissalReason,
                mergedInto,
                milestones,
                updatedAt,
                asset,
                template,
                detection,
                services,
                receivedFrom,
                relayed,
                version);
    }

    // The milestones, as the pages and the other modules read them.

    public @Nullable Instant occurredAt() {
        return milestones.occurredAt();
    }

    public @Nullable Instant detectedAt() {
        return milestones.detectedAt();
    }

    public Instant reportedAt() {
        return milestones.reportedAt();
    }

    public @Nullable Instant acknowledgedAt() {
        return milestones.acknowledgedAt();
    }

    public @Nullable Instant respondedAt() {
        return milestones.respondedAt();
    }

    public @Nullable Instant containedAt() {
        return milestones.containedAt();
    }

    public @Nullable Instant eradicatedAt() {
        return milestones.eradicatedAt();
    }

    public @Nullable Instant recoveredAt() {
        return milestones.recoveredAt();
    }

    public @Nullable Instant closedAt() {
        return milestones.closedAt();
    }

    /** The reference people quote, for example {@code INC-42}; the API writes it beside the number. */
    @JsonProperty("reference")
    public String reference() {
        return referenceOf(number);
    }

    /** The reference people quote for an incident's number, for example {@code INC-42}. */
    public static String referenceOf(long number) {
        return "INC-" + number;
    }
}
