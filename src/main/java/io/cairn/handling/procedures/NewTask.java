package io.cairn.handling.procedures;

import io.cairn.identity.TeamId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A task a handler gives a team for an incident.
 *
 * @param shared the incident fields the team may read; nothing else of the incident is shown to it
 * @param dueAt when it is due, if at all
 * @param mandatory whether the incident may not be closed while it is open; not by default
 */
public record NewTask(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 5000) @Nullable String description,
        TeamId team,
        @Nullable List<SharedField> shared,
        @Nullable Instant dueAt,
        @Nullable Boolean mandatory) {

    public NewTask {
        description = description == null ? "" : description.trim();
        mandatory = Boolean.TRUE.equals(mandatory);
        shared = shared == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(shared));
    }
}
