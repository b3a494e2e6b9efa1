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
        @Nullable @Size(max = 80) String template) {

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
                null);
    }
}
