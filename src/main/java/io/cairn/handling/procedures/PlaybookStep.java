package io.cairn.handling.procedures;

import io.cairn.incidents.Status;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One step of a playbook: what to do in a phase, by whom and by when. It becomes a task of each incident that follows
 * the playbook.
 *
 * @param phase the lifecycle phase the step belongs to: analysis, containment, eradication, recovery or review
 * @param articles knowledge article slugs (shown as {@code /knowledge/{slug}}) or web addresses to read
 * @param mandatory whether the phase may be left, and the incident closed, while the step is open
 * @param team the team that does it, by id or (when an admin enters it) by name; empty for the incident's own team
 * @param due how long after the phase starts the step is due, as an ISO-8601 duration such as {@code PT4H}
 */
public record PlaybookStep(
        Status phase,
        String title,
        @Nullable String description,
        @Nullable List<String> articles,
        boolean mandatory,
        @Nullable String team,
        String due) {

    /** The phases a playbook step may belong to, in lifecycle order. */
    public static final List<Status> PHASES =
            List.of(Status.ANALYSIS, Status.CONTAINMENT, Status.ERADICATION, Status.RECOVERY, Status.REVIEW);

    public PlaybookStep {
        title = title == null ? "" : title.trim();
        description = description == null ? "" : description.trim();
        articles = articles == null
                ? List.of()
                : articles.stream().map(String::trim).filter(a -> !a.isEmpty()).toList();
        team = team == null || team.isBlank() ? null : team.trim();
        due = due == null || due.isBlank() ? "PT0S" : due.trim();
    }

    /** The due offset, if the text is an ISO-8601 duration. */
    public Optional<Duration> dueOffset() {
        try {
            return Optional.of(Duration.parse(due));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The same step done by another team (an id after the name was looked up). */
    PlaybookStep withTeam(@Nullable String otherTeam) {
        return new PlaybookStep(phase, title, description, articles, mandatory, otherTeam, due);
    }

    /** Whether an article is a web address rather than a knowledge article slug. */
    public static boolean isAddress(String article) {
        return article.startsWith("https://") || article.startsWith("http://");
    }
}
