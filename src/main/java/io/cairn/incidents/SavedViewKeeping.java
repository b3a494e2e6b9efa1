package io.cairn.incidents;

import io.cairn.identity.UserId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's saved views of the incident list: a filter under a name of 1 to 100 characters, unique for
 * the user, without a page cursor.
 */
@Component
class SavedViewKeeping {

    private final SavedViews savedViews;
    private final IncidentChanges changes;

    SavedViewKeeping(SavedViews savedViews, IncidentChanges changes) {
        this.savedViews = savedViews;
        this.changes = changes;
    }

    @Transactional(readOnly = true)
    List<SavedView> savedViews() {
        return savedViews.of(changes.actor().id());
    }

    @Transactional
    Outcome<SavedView> save(String name, String query) {
        UserId owner = changes.actor().id();
        String trimmed = name.trim();
        String filters = query.startsWith("?") ? query.substring(1) : query;
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            return Outcome.refused(Refusal.invalid("name", SharedRefusals.NAME_LENGTH));
        }
        if (filters.length() > 2_000 || filters.contains("cursor=")) {
            return Outcome.refused(Refusal.invalid("query", IncidentRefusals.NOT_A_VIEW_QUERY));
        }
        if (savedViews.nameTaken(owner, trimmed)) {
            return Outcome.refused(Refusal.conflict("name", IncidentRefusals.VIEW_NAME_TAKEN));
        }
        return Outcome.done(savedViews.add(owner, trimmed, filters, changes.now()));
    }

    @Transactional
    Outcome<SavedViewId> remove(SavedViewId id) {
        return savedViews.remove(changes.actor().id(), id)
                ? Outcome.done(id)
                : Outcome.refused(Refusal.notFound("saved view " + id));
    }
}
