package io.cairn.incidents;

import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One change applied to several incidents the handler selected, each on its own: assign them, or move them to a
 * status. Each incident's current version is used, since the handler chose them from the list just now.
 *
 * @param action {@code assign} (owner and team; an absent value clears it) or {@code transition} (to, reason)
 */
record BulkAction(
        @NotEmpty @Size(max = 200) List<@NotNull IncidentId> incidents,
        @NotNull Action action,
        @Nullable UserId owner,
        @Nullable TeamId team,
        @Nullable Status to,
        @Nullable @Size(max = 5_000) String reason) {

    public BulkAction {
        incidents = List.copyOf(incidents);
    }

    /** What to do to each selected incident. */
    public enum Action {
        ASSIGN,
        TRANSITION;

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Action fromCode(String code) {
            return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** What became of one incident: done, or the reason it was refused. */
    public record Result(
            IncidentId incident, boolean done, @Nullable String problem) {}
}
