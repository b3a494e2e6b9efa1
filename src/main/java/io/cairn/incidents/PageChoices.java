package io.cairn.incidents;

import io.cairn.assets.AssetManagement;
import io.cairn.assets.ServiceView;
import io.cairn.identity.Actor;
import io.cairn.identity.BusinessUnitView;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.identity.TeamView;
import io.cairn.identity.UserView;
import io.cairn.shared.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The choices the incident pages offer in their pickers: RSIT categories grouped by class, the priority matrix's
 * levels, and the people, teams and business units an incident can be assigned to.
 */
@Component
class PageChoices {

    private final IncidentManagement incidents;
    private final IdentityManagement identity;
    private final AssetManagement assets;

    PageChoices(IncidentManagement incidents, IdentityManagement identity, AssetManagement assets) {
        this.incidents = incidents;
        this.identity = identity;
        this.assets = assets;
    }

    /** Every service, those in use first, for staff who filter by or name them; empty for anyone else. */
    List<ServiceView> services() {
        return assets.services() instanceof Outcome.Done<List<ServiceView>> done ? done.value() : List.of();
    }

    /** One RSIT class with its types, for an {@code optgroup}. */
    record CategoryGroup(String value, String label, List<CategoryOption> types) {}

    /** One RSIT type; its value is {@code class/type}. */
    record CategoryOption(String value, String label, String description) {}

    /** A person who can own an incident. */
    record Person(String id, String name) {}

    List<CategoryGroup> categories() {
        Map<String, List<CategoryOption>> byClass = new LinkedHashMap<>();
        Map<String, String> classLabels = new LinkedHashMap<>();
        for (IncidentManagement.CategoryChoice choice : incidents.categories()) {
            String rsitClass = choice.category().rsitClass();
            classLabels.putIfAbsent(rsitClass, choice.classLabel());
            byClass.computeIfAbsent(rsitClass, c -> new ArrayList<>())
                    .add(new CategoryOption(valueOf(choice.category()), choice.typeLabel(), choice.description()));
        }
        return byClass.entrySet().stream()
                .map(entry -> new CategoryGroup(
                        entry.getKey(),
                        classLabels.getOrDefault(entry.getKey(), entry.getKey()),
                        List.copyOf(entry.getValue())))
                .toList();
    }

    PriorityMatrix matrix() {
        return incidents.priorityMatrix();
    }

    /** The people who work on incidents: enabled handlers and coordinators, by name; empty for other users. */
    List<Person> owners() {
        Outcome<List<UserView>> users = identity.users();
        if (!(users instanceof Outcome.Done<List<UserView>> done)) {
            return List.of();
        }
        return done.value().stream()
                .filter(user -> user.enabled()
                        && (user.roles().contains(Role.HANDLER) || user.roles().contains(Role.COORDINATOR)))
                .sorted(Comparator.comparing(UserView::displayName, String.CASE_INSENSITIVE_ORDER))
                .map(user -> new Person(user.id().toString(), user.displayName() + " (" + user.username() + ")"))
                .toList();
    }

    List<TeamView> teams() {
        return identity.teams();
    }

    List<BusinessUnitView> businessUnits() {
        return identity.businessUnits();
    }

    /** The form value of a category: {@code class/type}. */
    static String valueOf(Category category) {
        return category.rsitClass() + "/" + category.rsitType();
    }

    /** The category a form value names, if it has the form {@code class/type}. */
    static Optional<Category> categoryOf(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        int slash = value.indexOf('/');
        if (slash < 1 || slash == value.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Category(
                value.substring(0, slash).trim(), value.substring(slash + 1).trim()));
    }

    /** True when the user works on incidents: assigns, triages, changes them. */
    static boolean handles(Actor actor) {
        return actor.hasAny(Role.HANDLER, Role.COORDINATOR);
    }
}
