package io.cairn.handling.procedures;

import io.cairn.identity.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A task as the team it is assigned to sees it: the task itself and only the incident fields the handler chose to
 * share, never the incident's id, description, reporter, evidence, timeline or other tasks.
 *
 * @param shared the shared incident fields and their current values, by field code (such as {@code reference})
 */
public record SharedTask(
        TaskId id,
        String title,
        String description,
        List<String> articles,
        boolean mandatory,
        TeamId team,
        String teamName,
        @Nullable Instant dueAt,
        TaskState state,
        @Nullable String note,
        @Nullable Instant closedAt,
        Map<String, String> shared,
        long version) {

    public boolean isOpen() {
        return state == TaskState.OPEN;
    }

    public boolean isOverdue(Instant now) {
        return isOpen() && dueAt != null && dueAt.isBefore(now);
    }
}
