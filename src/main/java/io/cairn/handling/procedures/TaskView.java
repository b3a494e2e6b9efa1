package io.cairn.handling.procedures;

import io.cairn.identity.TeamId;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.Status;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A task of an incident as its handlers see it.
 *
 * @param playbook the playbook the task comes from; empty for a task a handler added
 * @param phase the phase of the playbook step; empty for a task a handler added
 * @param dueAt when it is due; empty while its phase has not started
 * @param sharedFields the incident fields the task's team may read
 * @param note what the person who completed or skipped it wrote
 */
public record TaskView(
        TaskId id,
        IncidentId incident,
        @Nullable PlaybookId playbook,
        @Nullable Status phase,
        int position,
        String title,
        String description,
        List<String> articles,
        boolean mandatory,
        @Nullable TeamId team,
        @Nullable String dueOffset,
        @Nullable Instant dueAt,
        List<SharedField> sharedFields,
        TaskState state,
        @Nullable String note,
        @Nullable String closedBy,
        @Nullable Instant closedAt,
        Instant createdAt,
        String createdBy,
        long version) {

    public boolean isOpen() {
        return state == TaskState.OPEN;
    }
}
