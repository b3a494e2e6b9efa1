package io.cairn.isms.evidence;

import io.cairn.shared.Refusal;
import io.cairn.shared.Refusal.FieldProblem;
import io.cairn.shared.SharedRefusals;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules an evidence item, a transfer and a correction must keep, as small functions that name the field at fault.
 * A time of collection or hand-over may lie in the past, never in the future; texts are required, of a bounded length
 * and free of control characters (a description may run over several lines); a SHA-256 is exactly 64 hexadecimal
 * digits, kept in lower case.
 */
final class EvidenceRules {

    /** The longest description. */
    static final int DESCRIPTION_LENGTH = 4000;
    /** The longest of the other texts. */
    static final int TEXT_LENGTH = 500;
    /** The facts a correction may change, as the API names them. */
    static final List<String> CORRECTABLE = List.of(
            "kind",
            "description",
            "source",
            "collectedAt",
            "collectedWhere",
            "collectedHow",
            "storageLocation",
            "sha256");

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private EvidenceRules() {}

    /** The problems of a new item's facts; its hash is checked apart, as it depends on whether Cairn holds its file. */
    static List<FieldProblem> itemProblems(NewEvidence item, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        kindProblem("kind", item.kind()).ifPresent(problems::add);
        text("description", item.description(), DESCRIPTION_LENGTH, true).ifPresent(problems::add);
        text("source", item.source(), TEXT_LENGTH, false).ifPresent(problems::add);
        past("collectedAt", item.collectedAt(), now).ifPresent(problems::add);
        text("collectedWhere", item.collectedWhere(), TEXT_LENGTH, false).ifPresent(problems::add);
        text("collectedHow", item.collectedHow(), TEXT_LENGTH, false).ifPresent(problems::add);
        text("storageLocation", item.storageLocation(), TEXT_LENGTH, false).ifPresent(problems::add);
        return problems;
    }

    /** The problem of a recorded SHA-256, if it is absent or not 64 hexadecimal digits. */
    static Optional<FieldProblem> sha256Problem(String field, @Nullable String sha256) {
        if (sha256 == null || sha256.isBlank()) {
            return Optional.of(FieldProblem.of(field, SharedRefusals.REQUIRED));
        }
        return SHA256.matcher(sha256.strip()).matches()
                ? Optional.empty()
                : Optional.of(FieldProblem.of(field, EvidenceRefusals.NOT_A_SHA256));
    }

    /** A SHA-256 as Cairn keeps it: without surrounding blanks, in lower case. Only for one that has no problem. */
    static String normalisedSha256(String sha256) {
        return sha256.strip().toLowerCase(Locale.ROOT);
    }

    /** The problem of a kind's code, if it is absent or not a kind. */
    static Optional<FieldProblem> kindProblem(String field, @Nullable String kind) {
        if (kind == null || kind.isBlank()) {
            return Optional.of(FieldProblem.of(field, SharedRefusals.REQUIRED));
        }
        return EvidenceKind.ofCode(kind.strip()).isPresent()
                ? Optional.empty()
                : Optional.of(
                        FieldProblem.of(field, EvidenceRefusals.NOT_A_KIND, String.join(", ", EvidenceKind.codes())));
    }

    /** The problem of a required text, if it is absent, blank, too long or holds control characters. */
    static Optional<FieldProblem> text(String field, @Nullable String text, int maxLength, boolean multiline) {
        if (text == null || text.isBlank()) {
            return Optional.of(FieldProblem.of(field, SharedRefusals.REQUIRED));
        }
        if (text.strip().length() > maxLength) {
            return Optional.of(FieldProblem.of(field, SharedRefusals.TOO_LONG, String.valueOf(maxLength)));
        }
        boolean control = text.strip()
                .chars()
                .anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
        return control ? Optional.of(FieldProblem.of(field, EvidenceRefusals.CONTROL_CHARACTERS)) : Optional.empty();
    }

    /** The problem of a required time, if it is absent or lies in the future. */
    static Optional<FieldProblem> past(String field, @Nullable Instant at, Instant now) {
        if (at == null) {
            return Optional.of(FieldProblem.of(field, SharedRefusals.REQUIRED));
        }
        return at.isAfter(now)
                ? Optional.of(FieldProblem.of(field, SharedRefusals.LIES_IN_THE_FUTURE))
                : Optional.empty();
    }

    /** The problems of a transfer's purpose, place and time (which must lie after the collection and not ahead). */
    static List<FieldProblem> transferProblems(NewTransfer transfer, Instant collectedAt, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant at = transfer.at() == null ? now : transfer.at();
        past("at", at, now).ifPresent(problems::add);
        if (at.isBefore(collectedAt)) {
            problems.add(FieldProblem.of("at", EvidenceRefusals.BEFORE_COLLECTION));
        }
        text("purpose", transfer.purpose(), TEXT_LENGTH, false).ifPresent(problems::add);
        text("storageLocation", transfer.storageLocation(), TEXT_LENGTH, false).ifPresent(problems::add);
        return problems;
    }

    /**
     * Why a correction may not be made to the item: an unknown fact, a reason or value missing or breaking the fact's
     * rule, a value it has already, or a hash Cairn computed itself.
     */
    static Optional<Refusal> correctionRefusal(NewCorrection correction, EvidenceItem item, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        text("reason", correction.reason(), TEXT_LENGTH, false).ifPresent(problems::add);
        String field = correction.field() == null ? "" : correction.field().strip();
        if (!CORRECTABLE.contains(field)) {
            problems.add(FieldProblem.of(
                    "field",
                    field.isEmpty() ? SharedRefusals.REQUIRED : EvidenceRefusals.NOT_CORRECTABLE,
                    String.join(", ", CORRECTABLE)));
            return Optional.of(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        if (field.equals("sha256") && item.held()) {
            return Optional.of(Refusal.invalid("field", EvidenceRefusals.HELD_HASH_NOT_CORRECTABLE));
        }
        Optional<FieldProblem> value = valueProblem(field, correction.value(), item, now);
        value.ifPresent(problems::add);
        if (value.isEmpty() && normalised(field, correction.value()).equals(item.valueOf(field))) {
            problems.add(FieldProblem.of("value", EvidenceRefusals.UNCHANGED));
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
    }

    /** The problem of a corrected value by its fact's rule, named {@code value}. */
    private static Optional<FieldProblem> valueProblem(
            String field, @Nullable String value, EvidenceItem item, Instant now) {
        return switch (field) {
            case "kind" -> kindProblem("value", value);
            case "sha256" -> sha256Problem("value", value);
            case "description" -> text("value", value, DESCRIPTION_LENGTH, true);
            case "collectedAt" -> instantProblem(value, now);
            default -> text("value", value, TEXT_LENGTH, false);
        };
    }

    private static Optional<FieldProblem> instantProblem(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.of(FieldProblem.of("value", SharedRefusals.REQUIRED));
        }
        try {
            return past("value", Instant.parse(value.strip()), now);
        } catch (DateTimeParseException e) {
            return Optional.of(FieldProblem.of("value", EvidenceRefusals.NOT_A_TIME));
        }
    }

    /** A corrected value as Cairn keeps it; only for one without problems. */
    @SuppressWarnings("NullAway") // called only for a value valueProblem found present
    static String normalised(String field, @Nullable String value) {
        String stripped = value.strip();
        return switch (field) {
            case "sha256" -> normalisedSha256(stripped);
            case "collectedAt" -> Instant.parse(stripped).toString();
            default -> stripped;
        };
    }
}
