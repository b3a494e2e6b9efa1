package io.cairn.isms.procedures;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One step of a procedure: what to do in a phase, by which team and by when, which form fields that team may read,
 * and which ISO/IEC 27001:2022 Annex A controls doing it evidences. A {@link Kind#APPROVAL} step is decided by an
 * approver who is not the person who started the run.
 *
 * @param phase the key of the phase it belongs to
 * @param team the team that does it (or whose members approve), by id or (when an admin enters it) by name; empty for
 *     the run's owner
 * @param approver for an approval: the key of the form's person field that names the approver; empty when any member
 *     of the step's team (or, without one, any coordinator) other than the requester approves
 * @param due how long after {@code dueFrom} the step is due, as an ISO-8601 duration such as {@code P1D}
 * @param dueFrom the date field of the form the due time counts from; empty for the start of the step's phase
 * @param articles knowledge article slugs or web addresses to read
 * @param fields the keys of the form fields the step's team may read; nothing else of the run is shown to it
 * @param controls the Annex A controls the step evidences, by number such as {@code 5.18}
 */
public record ProcedureStep(
        String phase,
        String title,
        @Nullable String description,
        Kind kind,
        boolean mandatory,
        @Nullable String team,
        @Nullable String approver,
        String due,
        @Nullable String dueFrom,
        List<String> articles,
        List<String> fields,
        List<String> controls) {

    public ProcedureStep {
        phase = phase == null ? "" : phase.trim();
        title = title == null ? "" : title.trim();
        description = description == null ? "" : description.trim();
        kind = kind == null ? Kind.TASK : kind;
        team = blankIsNone(team);
        approver = blankIsNone(approver);
        due = due == null || due.isBlank() ? "PT0S" : due.trim();
        dueFrom = blankIsNone(dueFrom);
        articles = trimmed(articles);
        fields = trimmed(fields);
        controls = trimmed(controls);
    }

    /** What kind of step it is. */
    public enum Kind {
        /** Work a team does and completes with a note. */
        TASK,
        /** A decision to approve or reject, by someone other than the requester. */
        APPROVAL;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Kind fromCode(String code) {
            String wanted = code.trim().toUpperCase(Locale.ROOT);
            return Arrays.stream(values())
                    .filter(kind -> kind.name().equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown step kind '" + code + "', expected one of "
                            + Arrays.stream(values()).map(Kind::code).toList()));
        }
    }

    /** The due offset, if the text is an ISO-8601 duration. */
    public Optional<Duration> dueOffset() {
        return ProcedureDefinition.Durations.parse(due);
    }

    /** The same step as checked: done by this team (an id after the name was looked up), naming these controls. */
    ProcedureStep resolved(@Nullable String checkedTeam, List<String> checkedControls) {
        return new ProcedureStep(
                phase,
                title,
                description,
                kind,
                mandatory,
                checkedTeam,
                approver,
                due,
                dueFrom,
                articles,
                fields,
                checkedControls);
    }

    /** The same step with its title and description put through {@code words}, such as a translation. */
    ProcedureStep withTexts(UnaryOperator<String> words) {
        return new ProcedureStep(
                phase,
                words.apply(title),
                words.apply(Objects.requireNonNullElse(description, "")),
                kind,
                mandatory,
                team,
                approver,
                due,
                dueFrom,
                articles,
                fields,
                controls);
    }

    private static @Nullable String blankIsNone(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static List<String> trimmed(List<String> texts) {
        return texts == null
                ? List.of()
                : texts.stream()
                        .map(String::trim)
                        .filter(t -> !t.isEmpty())
                        .distinct()
                        .toList();
    }
}
