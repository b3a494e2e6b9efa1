package io.cairn.incidents;

import io.cairn.assets.DeviceId;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An incident to report. Only title and description are required; a reporter may not set owner or team.
 *
 * @param impact an impact level label from the priority matrix (default: the middle level)
 * @param urgency an urgency level label from the priority matrix (default: the middle level)
 * @param asset the registered device the incident concerns, if known
 * @param template the key of the report template the report came through, set by the intake channel
 * @param detectionSource who or what detected it; the intake channel knows for its reports (an alert source is
 *     automated, a person's report internal, a provider's external), otherwise it is decided at triage
 * @param detectedBy the tool or party that detected it, such as the alert source's name
 */
public record NewIncident(
        @NotBlank @Size(max = IncidentTitle.MAX_LENGTH) String title,
        @NotBlank @Size(max = 20_000) String description,
        @Nullable @Valid Category category,
        @Nullable Determination determination,
        @Nullable Severity severity,
        @Nullable @Size(max = 40) String impact,
        @Nullable @Size(max = 40) String urgency,
        @Nullable Tlp tlp,
        @Nullable Pap pap,
        @Nullable Boolean confidential,
        @Nullable UserId owner,
        @Nullable TeamId team,
        @Nullable BusinessUnitId businessUnit,
        @Nullable Instant occurredAt,
        @Nullable Instant detectedAt,
        @Nullable DeviceId asset,
        @Nullable @Size(max = 80) String template,
        @Nullable DetectionSource detectionSource,
        @Nullable @Size(max = 120) String detectedBy) {

    /** The smallest report: a title and a description, everything else at its default. */
    public static NewIncident of(String title, String description) {
        return new NewIncident(
                title,
                description,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The same report in an RSIT category. */
    public NewIncident inCategory(Category category) {
        return new NewIncident(
                title,
                description,
                category,
                determination,
                severity,
                impact,
                urgency,
                tlp,
                pap,
                confidential,
                owner,
                team,
                businessUnit,
                occurredAt,
                detectedAt,
                asset,
                template,
                detectionSource,
                detectedBy);
    }

    /** The same report, saying who or what detected the incident unless the report already says so. */
    public NewIncident detectedByDefault(DetectionSource source, @Nullable String by) {
        if (detectionSource != null) {
            return this;
        }
        return new NewIncident(
                title,
                description,
                category,
                determination,
                severity,
                impact,
                urgency,
                tlp,
                pap,
                confidential,
                owner,
                team,
                businessUnit,
                occurredAt,
                detectedAt,
                asset,
                template,
                source,
                by);
    }
}
