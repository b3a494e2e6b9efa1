package io.cairn.compliance;

import io.cairn.identity.Role;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices to the people a breach concerns (GDPR Art. 34), for the API and the pages: everyone who reads the
 * incident's compliance sees the counts of the data-subjects stage's list; only privacy officers see and change the
 * people, who are personal data.
 */
@Service
class DataSubjectNotices {

    /** The stage whose notice goes to the people affected. */
    static final String STAGE = "data-subjects";

    /** The most problems an answer lists; the rest are counted. */
    static final int LISTED_PROBLEMS = 1_000;

    /** The most people one page of the list shows. */
    static final int PAGE = 200;

    /** An uploaded file: its size, known before its content is read. */
    record Upload(long size, java.util.function.Supplier<byte[]> content) {}

    /** The stage of the incident's obligation that has a notice, and the reader's standing towards it. */
    record Target(StageReports.Target stage, boolean managesPeople) {

        UUID obligation() {
            return stage.obligation().id();
        }
    }

    private final ComplianceAccess access;
    private final StageReports reports;
    private final NoticeLists lists;
    private final NoticeSettings settings;
    private final NoticeTexts texts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DataSubjectNotices(
            ComplianceAccess access,
            StageReports reports,
            NoticeLists lists,
            NoticeSettings settings,
            NoticeTexts texts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.reports = reports;
        this.lists = lists;
        this.settings = settings;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    /** The notice of the obligation's data-subjects stage, with its counts. */
    @Transactional
    public Outcome<NoticeView> notice(IncidentId incident, UUID obligation) {
        return locate(incident, obligation).map(this::view);
    }

    /** A page of the people of the list (privacy officers only), from the offset. */
    @Transactional
    public Outcome<List<NoticeView.Recipient>> people(IncidentId incident, UUID obligation, int offset) {
        return locate(incident, obligation)
                .flatMap(DataSubjectNotices::requirePeopleManager)
                .flatMap(target -> notErased(target, () -> lists.people(target.obligation(), STAGE, offset, PAGE)));
    }

    /**
     * Adds the people of a CSV file to the list (privacy officers only). A file with bad lines is refused with every
     * problem by line and column and nothing is stored, unless {@code skipBadLines}: then its good lines are imported.
     */
    @Transactional
    public Outcome<NoticeView.Import> importPeople(
            IncidentId incident, UUID obligation, Upload file, boolean skipBadLines) {
        return locate(incident, obligation)
                .flatMap(DataSubjectNotices::requirePeopleManager)
                .flatMap(target -> notErased(target, () -> target))
                .flatMap(target -> texts.frozen(target.obligation(), STAGE).isPresent()
                        ? Outcome.<Target>refused(Refusal.conflict(ComplianceRefusals.NOTICE_SENDING_STARTED))
                        : Outcome.done(target))
                .flatMap(target -> {
                    if (file.size() > settings.maxBytes()) {
                        return Outcome.refused(Refusal.tooLarge(
                                "file",
                                ComplianceRefusals.CSV_TOO_LARGE,
                                String.valueOf(file.size()),
                                String.valueOf(settings.maxBytes())));
                    }
                    return importInto(target, file.content().get(), skipBadLines);
                });
    }

    /** The notice of the obligation's data-subjects stage and the reader's standing towards it. */
    Outcome<Target> locate(IncidentId incident, UUID obligation) {
        return access.requireIncidentReader(incident)
                .flatMap(grant -> reports.locate(grant, obligation, STAGE))
                .map(stage -> new Target(stage, stage.grant().actor().has(Role.PRIVACY_OFFICER)));
    }

    NoticeView view(Target target) {
        ReportDraftView stage = reports.view(target.stage());
        Optional<NoticeTexts.Frozen> frozen = texts.frozenAt(target.obligation(), STAGE);
        return new NoticeView(
                target.obligation(),
                target.stage().obligation().incident(),
                STAGE,
                stage.stageName(),
                stage.status(),
                lists.counts(target.obligation(), STAGE).orElse(null),
                target.managesPeople(),
                frozen.map(NoticeTexts.Frozen::sha256).orElse(null),
                frozen.map(NoticeTexts.Frozen::at).orElse(null));
    }

    static Outcome<Target> requirePeopleManager(Target target) {
        return target.managesPeople()
                ? Outcome.done(target)
                : Outcome.refused(Refusal.forbidden(ComplianceRefusals.NOTICE_PEOPLE_PRIVATE));
    }

    private <T> Outcome<T> notErased(Target target, java.util.function.Supplier<T> then) {
        boolean erased = lists.counts(target.obligation(), STAGE)
                .map(counts -> counts.erasedAt() != null)
                .orElse(false);
        return erased
                ? Outcome.refused(Refusal.conflict(ComplianceRefusals.NOTICE_LIST_ERASED))
                : Outcome.done(then.get());
    }

    private Outcome<NoticeView.Import> importInto(Target target, byte[] csv, boolean skipBadLines) {
        if (csv.length == 0) {
            return Outcome.refused(Refusal.invalid("file", ComplianceRefusals.CSV_NO_FILE));
        }
        NoticeCsv.Parsed parsed = NoticeCsv.parse(csv, settings.noticeMaxPeople());
        if (parsed.whole()) {
            return Outcome.refused(Refusal.of(
                    Refusal.Kind.INVALID, fieldProblems(parsed, parsed.problems()), ComplianceRefusals.CSV_REFUSED));
        }
        Set<String> listed = lists.emails(target.obligation(), STAGE);
        List<NoticeCsv.Problem> problems = new ArrayList<>(parsed.problems());
        List<NoticeCsv.Person> people = new ArrayList<>();
        for (NoticeCsv.Person person : parsed.people()) {
            if (listed.contains(NoticeLists.lower(person.email()))) {
                problems.add(new NoticeCsv.Problem(
                        person.line(),
                        parsed.header().indexOf("e-mail") + 1,
                        ComplianceRefusals.CSV_LISTED_EMAIL,
                        List.of(person.email())));
            } else {
                people.add(person);
            }
        }
        problems.sort(Comparator.comparingInt(NoticeCsv.Problem::line).thenComparingInt(NoticeCsv.Problem::column));
        return store(target, parsed, people, problems, listed.size(), skipBadLines);
    }

    private Outcome<NoticeView.Import> store(
            Target target,
            NoticeCsv.Parsed parsed,
            List<NoticeCsv.Person> people,
            List<NoticeCsv.Problem> problems,
            int listed,
            boolean skipBadLines) {
        if (listed + people.size() > settings.noticeMaxPeople()) {
            return Outcome.refused(Refusal.of(
                    Refusal.Kind.TOO_LARGE,
                    ComplianceRefusals.NOTICE_LIST_FULL,
                    String.valueOf(listed + people.size()),
                    String.valueOf(settings.noticeMaxPeople())));
        }
        long badLines =
                problems.stream().mapToInt(NoticeCsv.Problem::line).distinct().count();
        if (people.isEmpty() || !problems.isEmpty() && !skipBadLines) {
            return Outcome.refused(Refusal.of(
                    Refusal.Kind.INVALID,
                    fieldProblems(parsed, problems),
                    ComplianceRefusals.CSV_BAD_LINES,
                    String.valueOf(badLines)));
        }
        Optional<NoticeView.Counts> before = lists.counts(target.obligation(), STAGE);
        Instant now = clock.instant();
        lists.add(target.obligation(), STAGE, people, now);
        NoticeView view = view(target);
        events.publishEvent(new NoticeChanged(
                target.stage().obligation().incident(),
                NoticeChanged.of(target.obligation(), STAGE),
                target.stage().grant().actor().ref(),
                now,
                NoticeChanged.Verb.IMPORTED,
                before.map(DataSubjectNotices::digest),
                Optional.ofNullable(view.counts()).map(DataSubjectNotices::digest)));
        List<NoticeView.Problem> skipped = fieldProblems(parsed, problems).stream()
                .map(problem -> new NoticeView.Problem(problem.field(), problem.message()))
                .toList();
        return Outcome.done(new NoticeView.Import(people.size(), skipped, problems.size(), view));
    }

    /** The problems as the answer names them, the first thousand and then how many more. */
    private static List<Refusal.FieldProblem> fieldProblems(NoticeCsv.Parsed parsed, List<NoticeCsv.Problem> problems) {
        List<Refusal.FieldProblem> named = new ArrayList<>();
        for (NoticeCsv.Problem problem : problems.subList(0, Math.min(problems.size(), LISTED_PROBLEMS))) {
            named.add(Refusal.FieldProblem.of(
                    problem.where(parsed.header()),
                    problem.reason(),
                    problem.arguments().toArray()));
        }
        if (problems.size() > LISTED_PROBLEMS) {
            named.add(Refusal.FieldProblem.of(
                    "file", ComplianceRefusals.CSV_MORE_PROBLEMS, String.valueOf(problems.size() - LISTED_PROBLEMS)));
        }
        return named;
    }

    /** A digest of the list's counts, for the audit trail: never of the people. */
    static String digest(NoticeView.Counts counts) {
        return ContentDigest.of(counts.people() + "/" + counts.sent() + "/" + counts.failed() + "/" + counts.bounced()
                        + "/" + counts.erasedAt())
                .hex();
    }
}
