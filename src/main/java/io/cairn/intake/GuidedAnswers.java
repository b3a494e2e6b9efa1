package io.cairn.intake;

import io.cairn.assets.DeviceView;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Checks a reporter's answers against the template's questions and records each as it was asked; every problem
 * is named by its field ({@code answers.<key>}), all at once.
 */
final class GuidedAnswers {

    static final int TEXT_LIMIT = 500;
    static final int LONG_TEXT_LIMIT = 10_000;

    private GuidedAnswers() {}

    /**
     * Reads the answers; a file question is answered by an upload in {@code files} (by question key), which
     * {@code fileRefusal} checks, and its answer as asked names the file, its size and its sniffed type.
     */
    static Outcome<List<AnswerAsked>> read(
            TemplateContent template,
            Map<String, String> answers,
            Map<String, UploadedFile> files,
            Function<UploadedFile, Optional<Refusal>> fileRefusal,
            Locale locale,
            ZoneId zone,
            List<DeviceView> reportersDevices) {
        List<Refusal.FieldProblem> problems = new ArrayList<>(strayAnswers(template, answers, files));
        Asking asking = new Asking(fileRefusal, locale, zone, reportersDevices);
        List<AnswerAsked> asked = new ArrayList<>();
        for (TemplateContent.Question question : template.questions()) {
            Outcome<Optional<AnswerAsked>> one = asking.answer(
                    question, answers.getOrDefault(question.key(), "").trim(), files.get(question.key()));
            if (one instanceof Outcome.Refused<Optional<AnswerAsked>> refused) {
                problems.add(refused.refusal().asProblemOf("answers." + question.key()));
            } else {
                ((Outcome.Done<Optional<AnswerAsked>>) one).value().ifPresent(asked::add);
            }
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        return Outcome.done(asked);
    }

    /** The answers and files given for questions the template does not ask (files for its file questions only). */
    private static List<Refusal.FieldProblem> strayAnswers(
            TemplateContent template, Map<String, String> answers, Map<String, UploadedFile> files) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        answers.keySet().stream()
                .filter(key ->
                        template.questions().stream().noneMatch(q -> q.key().equals(key)))
                .sorted()
                .forEach(key -> problems.add(Refusal.FieldProblem.of("answers." + key, IntakeRefusals.NOT_A_QUESTION)));
        files.keySet().stream()
                .filter(key -> template.questions().stream()
                        .noneMatch(q -> q.key().equals(key) && q.kind() == QuestionKind.FILE))
                .sorted()
                .forEach(key ->
                        problems.add(Refusal.FieldProblem.of("answers." + key, IntakeRefusals.NOT_A_FILE_QUESTION)));
        return problems;
    }

    /** How one reporter's answers are read: their files checked, in their language, zone and devices. */
    private record Asking(
            Function<UploadedFile, Optional<Refusal>> fileRefusal,
            Locale locale,
            ZoneId zone,
            List<DeviceView> devices) {

        /** The answer to one question as asked; none for an optional question left open; refused with a reason. */
        Outcome<Optional<AnswerAsked>> answer(
                TemplateContent.Question question, String answer, @Nullable UploadedFile file) {
            Outcome<String> shown;
            if (question.kind() == QuestionKind.FILE && file != null && answer.isEmpty()) {
                shown = fileRefusal
                        .apply(file)
                        .map(refused ->
                                GuidedAnswers.<String>problem(refused.fields().get(0)))
                        .orElseGet(() -> Outcome.done(described(file)));
            } else if (answer.isEmpty()) {
                return question.required() ? problem(SharedRefusals.REQUIRED) : Outcome.done(Optional.empty());
            } else {
                shown = shown(question, answer, locale, zone, devices);
            }
            return shown.map(text -> Optional.of(new AnswerAsked(
                    question.key(), question.kind(), question.label().in(locale), text)));
        }
    }

    private static Outcome<String> shown(
            TemplateContent.Question question, String answer, Locale locale, ZoneId zone, List<DeviceView> devices) {
        return switch (question.kind()) {
            case TEXT -> limited(answer, TEXT_LIMIT);
            case LONG_TEXT -> limited(answer, LONG_TEXT_LIMIT);
            case CHOICE ->
                question.options().stream()
                        .filter(option -> option.value().equals(answer))
                        .findFirst()
                        .map(option -> Outcome.done(option.label().in(locale)))
                        .orElseGet(() -> problem(
                                SharedRefusals.MUST_BE_ONE_OF,
                                question.options().stream()
                                        .map(TemplateContent.Choice::value)
                                        .toList()
                                        .toString()));
            case DATETIME ->
                instant(answer, zone)
                        .map(Instant::toString)
                        .map(Outcome::done)
                        .orElseGet(() -> problem(IntakeRefusals.NOT_A_DATE_TIME));
            case DEVICE -> device(answer, devices);
            case FILE -> problem(IntakeRefusals.FILE_ANSWER_IS_UPLOAD);
        };
    }

    /** How a file answer reads in the report: name, size and the type sniffed from the content. */
    static String described(UploadedFile file) {
        return file.filename() + " ("
                + MailIntake.readable(org.springframework.util.unit.DataSize.ofBytes(file.content().length)) + ", "
                + ContentSniffer.sniff(file.content()) + ")";
    }

    private static Outcome<String> device(String answer, List<DeviceView> devices) {
        Optional<UUID> id = uuid(answer);
        if (id.isEmpty()) {
            return limited(answer, TEXT_LIMIT);
        }
        return devices.stream()
                .filter(device -> device.id().value().equals(id.get()))
                .findFirst()
                .map(device -> Outcome.done(device.label() + " [device " + device.id() + "]"))
                .orElseGet(() -> problem(IntakeRefusals.NOT_YOUR_DEVICE));
    }

    /** The instant a date-time answer names: an ISO instant, or a local date-time in the reporter's zone. */
    static Optional<Instant> instant(String answer, ZoneId zone) {
        try {
            return Optional.of(Instant.parse(answer));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Optional.of(LocalDateTime.parse(answer).atZone(zone).toInstant());
            } catch (DateTimeParseException notLocal) {
                return Optional.empty();
            }
        }
    }

    private static Outcome<String> limited(String answer, int limit) {
        return answer.length() <= limit
                ? Outcome.done(answer)
                : problem(SharedRefusals.TOO_LONG, String.valueOf(limit));
    }

    private static <T> Outcome<T> problem(Refusal.Reason reason, Object... arguments) {
        return Outcome.refused(Refusal.of(Refusal.Kind.INVALID, reason, arguments));
    }

    /** The problem of an uploaded file as the problem of the answer it was given for. */
    private static <T> Outcome<T> problem(Refusal.FieldProblem fileProblem) {
        return Outcome.refused(new Refusal(
                Refusal.Kind.INVALID,
                fileProblem.message(),
                List.of(),
                fileProblem.code(),
                fileProblem.template(),
                fileProblem.arguments()));
    }

    /** The registered device of the reporter's that a device question was answered with, if any. */
    static Optional<io.cairn.assets.DeviceId> devicePicked(
            TemplateContent template, Map<String, String> answers, List<DeviceView> reportersDevices) {
        return template.questions().stream()
                .filter(question -> question.kind() == QuestionKind.DEVICE)
                .map(question -> answers.getOrDefault(question.key(), "").trim())
                .flatMap(answer -> uuid(answer).stream())
                .flatMap(id -> reportersDevices.stream()
                        .filter(device -> device.id().value().equals(id)))
                .map(DeviceView::id)
                .findFirst();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Locale locale(String language) {
        return "nl".equalsIgnoreCase(language) ? Locale.forLanguageTag("nl") : Locale.ENGLISH;
    }
}
