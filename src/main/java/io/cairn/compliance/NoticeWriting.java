package io.cairn.compliance;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Language;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The text of the notice to the people a breach concerns: drafted per language from the template and the stage's
 * records (the nature, consequences, measures and contact point its report names), read by everyone who reads the
 * incident's compliance, changed by privacy officers at the version they read, previewed as a person receives it, and
 * frozen once sending started.
 */
@Service
class NoticeWriting {

    private static final int MAX_SUBJECT = 200;

    private final DataSubjectNotices notices;
    private final StageReports reports;
    private final NoticeTexts texts;
    private final LegalEntities entities;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoticeWriting(
            DataSubjectNotices notices,
            StageReports reports,
            NoticeTexts texts,
            LegalEntities entities,
            MessageSource messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.notices = notices;
        this.reports = reports;
        this.texts = texts;
        this.entities = entities;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** The notice's text in both languages. */
    @Transactional
    public Outcome<NoticeTextView> text(IncidentId incident, UUID obligation) {
        return notices.locate(incident, obligation).map(this::view);
    }

    /** Replaces fields of the text (by language) if it is still at the version; privacy officers only. Audited. */
    @Transactional
    public Outcome<NoticeTextView> saveText(
            IncidentId incident, UUID obligation, @Nullable Map<String, Map<String, String>> given, long version) {
        return notices.locate(incident, obligation)
                .flatMap(DataSubjectNotices::requirePeopleManager)
                .flatMap(target -> save(target, given == null ? Map.of() : given, version));
    }

    /** The notice as a person of the language receives it. */
    @Transactional
    public Outcome<NoticeTextView.Preview> preview(IncidentId incident, UUID obligation, @Nullable String language) {
        Language chosen = language == null ? null : NoticeCsv.language(language);
        if (chosen == null) {
            return Outcome.refused(Refusal.invalid("language", SharedRefusals.MUST_BE_ONE_OF, "en, nl"));
        }
        return notices.locate(incident, obligation).map(target -> {
            NoticeTemplate.Rendered rendered = rendered(target, chosen, sampleName(chosen));
            return new NoticeTextView.Preview(chosen.code(), rendered.subject(), rendered.body());
        });
    }

    /** The notice to a person of the list, from the text as it stands. */
    NoticeTemplate.Rendered rendered(DataSubjectNotices.Target target, Language language, String name) {
        Map<String, String> text = current(target).getOrDefault(language.code(), Map.of());
        return NoticeTemplate.render(language, name, organisation(target), text, messages);
    }

    /** The texts as they stand: the saved ones, and for what they lack the draft. */
    Map<String, Map<String, String>> current(DataSubjectNotices.Target target) {
        Map<String, Map<String, String>> current = new LinkedHashMap<>();
        Map<String, String> records = reports.fields(target.stage());
        Map<String, Map<String, String>> saved = texts.find(target.obligation(), DataSubjectNotices.STAGE)
                .map(NoticeTexts.Stored::texts)
                .orElse(Map.of());
        for (Language language : Language.values()) {
            Map<String, String> text =
                    new LinkedHashMap<>(NoticeTemplate.draft(language, organisation(target), records, messages));
            text.putAll(saved.getOrDefault(language.code(), Map.of()));
            current.put(language.code(), text);
        }
        return current;
    }

    private NoticeTextView view(DataSubjectNotices.Target target) {
        Optional<NoticeTexts.Stored> saved = texts.find(target.obligation(), DataSubjectNotices.STAGE);
        Optional<String> frozen = texts.frozen(target.obligation(), DataSubjectNotices.STAGE);
        return new NoticeTextView(
                current(target),
                saved.map(NoticeTexts.Stored::version).orElse(0L),
                saved.map(NoticeTexts.Stored::updatedByName).orElse(null),
                saved.map(NoticeTexts.Stored::updatedAt).orElse(null),
                frozen.orElse(null),
                target.managesPeople() && frozen.isEmpty());
    }

    private Outcome<NoticeTextView> save(
            DataSubjectNotices.Target target, Map<String, Map<String, String>> given, long version) {
        if (texts.frozen(target.obligation(), DataSubjectNotices.STAGE).isPresent()) {
            return Outcome.refused(Refusal.conflict(ComplianceRefusals.NOTICE_TEXT_FROZEN));
        }
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        Map<String, Map<String, String>> before = current(target);
        Map<String, Map<String, String>> after = new LinkedHashMap<>();
        before.forEach((language, text) -> after.put(language, new LinkedHashMap<>(text)));
        given.forEach((language, fields) -> checked(language, fields, problems)
                .forEach((field, value) -> after.computeIfAbsent(language, l -> new LinkedHashMap<>())
                        .put(field, value)));
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        Instant now = clock.instant();
        if (!texts.save(
                target.obligation(),
                DataSubjectNotices.STAGE,
                after,
                version,
                target.stage().grant().actor(),
                now)) {
            long stored = texts.find(target.obligation(), DataSubjectNotices.STAGE)
                    .map(NoticeTexts.Stored::version)
                    .orElse(0L);
            return Outcome.refused(Refusal.stale(version, Math.max(stored, version + 1)));
        }
        events.publishEvent(new NoticeChanged(
                target.stage().obligation().incident(),
                NoticeChanged.of(target.obligation(), DataSubjectNotices.STAGE),
                target.stage().grant().actor().ref(),
                now,
                NoticeChanged.Verb.WRITTEN,
                Optional.of(ContentDigest.of(before.toString()).hex()),
                Optional.of(ContentDigest.of(after.toString()).hex())));
        return Outcome.done(view(target));
    }

    /** The given fields of a language checked: a known language and field, within bounds; a subject on one line. */
    private static Map<String, String> checked(
            String language, @Nullable Map<String, String> fields, List<Refusal.FieldProblem> problems) {
        Map<String, String> checked = new LinkedHashMap<>();
        if (NoticeCsv.language(language) == null || !language.equals(language.toLowerCase(Locale.ROOT))) {
            problems.add(Refusal.FieldProblem.of("texts", SharedRefusals.MUST_BE_ONE_OF, "en, nl"));
            return checked;
        }
        (fields == null ? Map.<String, String>of() : fields).forEach((field, value) -> {
            String name = "texts." + language + "." + field;
            if (!NoticeTemplate.FIELDS.contains(field)) {
                problems.add(Refusal.FieldProblem.of(
                        "texts." + language, SharedRefusals.MUST_BE_ONE_OF, String.join(", ", NoticeTemplate.FIELDS)));
            } else if (field.equals("subject")
                    && (value == null || value.strip().length() > MAX_SUBJECT || value.contains("\n"))) {
                problems.add(Refusal.FieldProblem.of(name, ComplianceRefusals.NOTICE_BAD_SUBJECT, MAX_SUBJECT));
            } else {
                checked.put(field, ComplianceRecording.reason(name, value, true, problems));
            }
        });
        return checked;
    }

    /** The name of the legal entity whose notice it is. */
    String organisation(DataSubjectNotices.Target target) {
        return entities.find(target.stage().obligation().legalEntity())
                .map(entity -> entity.profile().name())
                .orElse("");
    }

    private String sampleName(Language language) {
        return messages.getMessage("compliance.notice.sample-name", null, Locale.forLanguageTag(language.code()));
    }
}
