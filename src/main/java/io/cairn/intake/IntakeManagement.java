package io.cairn.intake;

import io.cairn.assets.AssetManagement;
import io.cairn.assets.DeviceView;
import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.identity.SignInVerdict;
import io.cairn.incidents.IncidentCommands;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import io.cairn.incidents.ReporterView;
import io.cairn.incidents.channels.ReporterChannels;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake module's entry point: report templates, reports through them, attachments and follow-up; each report
 * becomes an incident. Alerts from monitoring systems arrive through {@link AlertReception}.
 */
@Service
public class IntakeManagement {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final IncidentManagement incidents;
    private final ReporterChannels channels;
    private final IdentityManagement identity;
    private final AssetManagement assets;
    private final ReportTemplates templates;
    private final TemplateRules rules;
    private final IntakeReports reports;
    private final Acknowledged acknowledged;
    private final FollowUpCodes followUpCodes;
    private final Attachments attachments;
    private final AttachmentRules attachmentRules;
    private final java.time.Duration followUpValidity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IntakeManagement(IncidentManagement incidents, ReporterChannels channels, IdentityManagement identity,
            AssetManagement assets, ReportTemplates templates, TemplateRules rules, IntakeReports reports,
            Acknowledged acknowledged, FollowUpCodes followUpCodes, Attachments attachments,
            AttachmentRules attachmentRules,
            @Value("${cairn.intake.follow-up-validity:P365D}") java.time.Duration followUpValidity,
            ApplicationEventPublisher events, Clock clock) {
        this.incidents = incidents;
        this.channels = channels;
        this.identity = identity;
        this.assets = assets;
        this.templates = templates;
        this.rules = rules;
        this.reports = reports;
        this.acknowledged = acknowledged;
        this.followUpCodes = followUpCodes;
        this.attachments = attachments;
        this.attachmentRules = attachmentRules;
        this.followUpValidity = followUpValidity;
        this.events = events;
        this.clock = clock;
    }

    // --- templates -----------------------------------------------------------------------------------------------

    /** The templates a reporter chooses from, in their order; retired ones are left out. */
    @Transactional(readOnly = true)
    public List<ReportTemplate> activeTemplates() {
        return templates.all().stream().map(ReportTemplates.Stored::template).filter(t -> !t.retired()).toList();
    }

    /** Every template, retired ones too (admin only). */
    @Transactional(readOnly = true)
    public Outcome<List<ReportTemplate>> allTemplates() {
        return requireAdmin("see retired templates").<Outcome<List<ReportTemplate>>>map(Outcome::refused)
                .orElseGet(() -> Outcome.done(templates.all().stream().map(ReportTemplates.Stored::template)
                        .toList()));
    }

    /** One template by key; a retired one only for admins. */
    @Transactional(readOnly = true)
    public Outcome<ReportTemplate> template(String key) {
        boolean admin = requireAdmin("").isEmpty();
        return templates.byKey(key).map(ReportTemplates.Stored::template).filter(t -> admin || !t.retired())
                .<Outcome<ReportTemplate>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("template " + key)));
    }

    /** Adds a template at the end of the list (admin only). */
    @Transactional
    public Outcome<ReportTemplate> addTemplate(String key, TemplateContent content) {
        Optional<Refusal> refusal = requireAdmin("add report templates")
                .or(() -> key.matches("[a-z][a-z0-9-]{0,39}") ? Optional.empty()
                        : Optional.of(Refusal.invalid("key", "must be 1 to 40 lower-case letters, digits or dashes")))
                .or(() -> templates.exists(key) ? Optional.of(Refusal.conflict("key", "is already taken"))
                        : Optional.empty())
                .or(() -> problems(content));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        templates.add(key, content, identity.requireActor().username(), clock.instant());
        ReportTemplate added = templates.byKey(key).orElseThrow().template();
        publishTemplate(key, TemplateChanged.Verb.ADDED, null, added);
        return Outcome.done(added);
    }

    /**
     * Replaces a template's content with a new version (admin only). Reports already made keep the questions and
     * answers as they were asked.
     */
    @Transactional
    public Outcome<ReportTemplate> reviseTemplate(String key, TemplateContent content, long version) {
        Optional<Refusal> refusal = requireAdmin("edit report templates").or(() -> problems(content));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        return changeTemplate(key, version, TemplateChanged.Verb.REVISED,
                stored -> templates.revise(stored, content, version, identity.requireActor().username(),
                        clock.instant()));
    }

    /** Retires a template, or brings a retired one back (admin only). */
    @Transactional
    public Outcome<ReportTemplate> retireTemplate(String key, boolean retired, long version) {
        Optional<Refusal> refusal = requireAdmin("retire report templates");
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        return changeTemplate(key, version,
                retired ? TemplateChanged.Verb.RETIRED : TemplateChanged.Verb.RESTORED,
                stored -> templates.retire(stored, retired, version, clock.instant()));
    }

    /** Puts the templates in the given order (admin only); every template's key must be listed once. */
    @Transactional
    public Outcome<List<ReportTemplate>> reorderTemplates(List<String> keys) {
        Optional<Refusal> refusal = requireAdmin("reorder report templates");
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        List<String> stored = templates.all().stream().map(t -> t.template().key()).sorted().toList();
        if (!keys.stream().sorted().toList().equals(stored)) {
            return Outcome.refused(Refusal.invalid("keys", "must list every template once: " + stored));
        }
        Instant now = clock.instant();
        for (int i = 0; i < keys.size(); i++) {
            templates.place(keys.get(i), i + 1, now);
        }
        events.publishEvent(new TemplateChanged("*", identity.requireActor().ref(), now, TemplateChanged.Verb.REORDERED,
                Optional.empty(), Optional.of(ContentDigest.of(String.join(",", keys)).hex())));
        return Outcome.done(templates.all().stream().map(ReportTemplates.Stored::template).toList());
    }

    private Outcome<ReportTemplate> changeTemplate(String key, long version, TemplateChanged.Verb verb,
            java.util.function.Predicate<ReportTemplates.Stored> change) {
        Optional<ReportTemplates.Stored> found = templates.byKey(key);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("template " + key));
        }
        if (found.get().template().version() != version || !change.test(found.get())) {
            return Outcome.refused(Refusal.stale(version, found.get().template().version()));
        }
        ReportTemplate after = templates.byKey(key).orElseThrow().template();
        publishTemplate(key, verb, found.get().template(), after);
        return Outcome.done(after);
    }

    private Optional<Refusal> problems(TemplateContent content) {
        List<Refusal.FieldProblem> problems = rules.problems(content);
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(Refusal.Kind.INVALID, problems.stream().map(p -> p.field() + ": "
                + p.message()).collect(Collectors.joining("; ")), problems));
    }

    private void publishTemplate(String key, TemplateChanged.Verb verb, @Nullable ReportTemplate before,
            ReportTemplate after) {
        events.publishEvent(new TemplateChanged(key, identity.requireActor().ref(), clock.instant(), verb,
                Optional.ofNullable(before).map(b -> ContentDigest.of(json.writeValueAsString(b)).hex()),
                Optional.of(ContentDigest.of(json.writeValueAsString(after)).hex())));
    }

    // --- reports through templates ---------------------------------------------------------------------------------

    /**
     * Reports an incident through a template: checks the answers, opens the incident with the template's defaults
     * and a description built from the answers, keeps the answers as asked, and returns the reference and the tips.
     */
    @Transactional
    public Outcome<ReportReceipt> submitReport(ReportSubmission submission) {
        return submitReport(submission, Map.of());
    }

    /**
     * Reports through a template with files that answer its file questions (by question key); the files are kept
     * with the incident, and a refused file refuses the whole report, so nothing is kept half.
     */
    @Transactional
    public Outcome<ReportReceipt> submitReport(ReportSubmission submission, Map<String, UploadedFile> files) {
        return open(submission, files, assets.myDevices(), incidents::reportRouted, "portal")
                .map(opened -> {
                    acknowledgeByMail(opened.incident(), submission.language());
                    return new ReportReceipt(opened.incident().id(), opened.incident().reference(), opened.tips());
                });
    }

    /** Has the signed-in reporter's report acknowledged by mail, when their account has an e-mail address. */
    private void acknowledgeByMail(IncidentView incident, @Nullable String language) {
        identity.currentActor().map(actor -> identity.user(actor.id())).ifPresent(user -> {
            if (user instanceof Outcome.Done<io.cairn.identity.UserView> done && done.value().email() != null) {
                events.publishEvent(new ReportReceived(incident.id(), incident.reference(), done.value().email(),
                        GuidedAnswers.locale(language == null ? "en" : language).getLanguage(),
                        done.value().id(), null, false, null));
            }
        });
    }

    /**
     * Reports an incident for a person without an account. Devices can only be described, not picked. The answer
     * holds a follow-up code, shown this once and stored only as a digest.
     */
    @Transactional
    public Outcome<AnonymousReceipt> submitAnonymousReport(ReportSubmission submission) {
        return submitAnonymousReport(submission, Map.of());
    }

    /** Reports anonymously with files that answer the template's file questions (by question key). */
    @Transactional
    public Outcome<AnonymousReceipt> submitAnonymousReport(ReportSubmission submission,
            Map<String, UploadedFile> files) {
        return open(submission, files, List.of(), channels::reportAnonymously, "anonymous").map(opened -> {
            Instant now = clock.instant();
            String code = followUpCodes.issue(opened.incident().id(), now, now.plus(followUpValidity));
            return new AnonymousReceipt(opened.incident().reference(), opened.tips(), code);
        });
    }

    private record Opened(IncidentView incident, List<String> tips) {}

    private Outcome<Opened> open(ReportSubmission submission, Map<String, UploadedFile> files,
            List<DeviceView> devices,
            java.util.function.Function<NewIncident, Outcome<IncidentView>> report, String channel) {
        Optional<ReportTemplates.Stored> found = templates.byKey(submission.template())
                .filter(stored -> !stored.template().retired());
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.invalid("template", "'" + submission.template()
                    + "' is not a template you can report with"));
        }
        ZoneId zone;
        try {
            zone = submission.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(submission.timeZone());
        } catch (java.time.DateTimeException e) {
            return Outcome.refused(Refusal.invalid("timeZone", "is not a time zone such as Europe/Amsterdam"));
        }
        Locale locale = GuidedAnswers.locale(submission.language() == null ? "en" : submission.language());
        TemplateContent content = found.get().template().content();
        Outcome<List<AnswerAsked>> answers = GuidedAnswers.read(content, submission.answers(), files,
                file -> attachmentRules.refusal("file", file), locale, zone, devices);
        if (answers instanceof Outcome.Refused<List<AnswerAsked>> refused) {
            return Outcome.refused(refused.refusal());
        }
        List<AnswerAsked> asked = ((Outcome.Done<List<AnswerAsked>>) answers).value();
        TemplateContent.Defaults defaults = content.defaults();
        NewIncident incident = new NewIncident(title(content, asked, locale), description(asked, zone),
                defaults.category(), null, null, defaults.impact(), defaults.urgency(), defaults.tlp(), null,
                Boolean.TRUE.equals(submission.confidential()) || defaults.confidential(), null, defaults.team(),
                null, null, null, GuidedAnswers.devicePicked(content, submission.answers(), devices).orElse(null),
                found.get().template().key());
        Outcome<IncidentView> opened = report.apply(incident);
        if (opened instanceof Outcome.Refused<IncidentView> refused) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Outcome.refused(refused.refusal());
        }
        IncidentView view = ((Outcome.Done<IncidentView>) opened).value();
        reports.add(view.id(), found.get().id(), found.get().template().revision(), locale.getLanguage(), channel,
                asked, clock.instant());
        ActorRef by = identity.currentActor().map(Actor::ref).orElse(IncidentManagement.ANONYMOUS);
        asked.stream().filter(answer -> answer.kind() == QuestionKind.FILE)
                .forEach(answer -> keep(view.id(), files.get(answer.key()), by));
        return Outcome.done(new Opened(view, content.tips().stream().map(tip -> tip.in(locale)).toList()));
    }

    // --- attachments -------------------------------------------------------------------------------------------

    /**
     * Keeps a file with an incident, for those who may add notes to it (its handlers, its reporter); the
     * timeline notes it. A refused file (a program, too large, empty) keeps nothing.
     */
    @Transactional
    public Outcome<AttachmentView> attach(IncidentId incident, UploadedFile file) {
        Optional<Refusal> refused = attachmentRules.refusal("file", file);
        if (refused.isPresent()) {
            return Outcome.refused(refused.get());
        }
        Actor actor = identity.requireActor();
        return incidents.addNote(incident, new IncidentCommands.AddNote(attachedNote(file)))
                .map(note -> keep(incident, file, actor.ref()));
    }

    /** The holder of a follow-up code adds a file to their report; wrong codes are throttled as for replies. */
    @Transactional
    public Outcome<AttachmentView> attachByFollowUpCode(String code, UploadedFile file, String address) {
        return byCode(code, address).flatMap(incident -> {
            Optional<Refusal> refused = attachmentRules.refusal("file", file);
            if (refused.isPresent()) {
                return Outcome.refused(refused.get());
            }
            channels.addChannelNote(incident, IncidentManagement.ANONYMOUS, attachedNote(file));
            return Outcome.done(keep(incident, file, IncidentManagement.ANONYMOUS));
        });
    }

    private AttachmentView keep(IncidentId incident, UploadedFile file, ActorRef by) {
        Instant now = clock.instant();
        AttachmentView kept = attachments.add(incident, file.filename(), file.declaredType(), file.content(), now);
        events.publishEvent(new AttachmentStored(incident, kept.id(), kept.sha256(), by, now));
        return kept;
    }

    private static String attachedNote(UploadedFile file) {
        return "Attached " + GuidedAnswers.described(file) + ".";
    }

    // --- follow-up by code -----------------------------------------------------------------------------------------

    /** What the holder of a follow-up code may see: status, outcome, questions and replies. */
    @Transactional
    public Outcome<ReporterView> followUp(String code, String address) {
        return byCode(code, address).map(incident -> channels.reporterViewByFollowUpCode(incident).orElseThrow());
    }

    /** The holder of a follow-up code answers the handlers or adds to their report. */
    @Transactional
    public Outcome<ReporterView> replyByFollowUpCode(String code, String reply, String address) {
        String text = reply.trim();
        if (text.isEmpty() || text.length() > GuidedAnswers.LONG_TEXT_LIMIT) {
            return Outcome.refused(Refusal.invalid("text", "must be 1 to " + GuidedAnswers.LONG_TEXT_LIMIT
                    + " characters"));
        }
        return byCode(code, address).map(incident -> {
            channels.replyByFollowUpCode(incident, text);
            return channels.reporterViewByFollowUpCode(incident).orElseThrow();
        });
    }

    private Outcome<IncidentId> byCode(String code, String address) {
        if (identity.codeAttemptVerdict(address) instanceof SignInVerdict.Wait wait) {
            return Outcome.refused(Refusal.throttled(wait.remaining()));
        }
        Instant now = clock.instant();
        Optional<FollowUpCodes.Found> found = code.length() > 40 ? Optional.empty()
                : followUpCodes.find(code, now);
        if (found.isEmpty()) {
            identity.codeAttemptFailed(address);
            return Outcome.refused(Refusal.invalid("code", "is not a follow-up code; check it and try again"));
        }
        if (found.get().expired()) {
            return Outcome.refused(Refusal.invalid("code", "has expired; report again if you need to"));
        }
        followUpCodes.used(code, now);
        return Outcome.done(found.get().incident());
    }

    /**
     * The answers of the report that opened the incident, as asked; for those who may see the incident. Not
     * read-only: reading a confidential incident appends to the audit trail.
     */
    @Transactional
    public Optional<List<AnswerAsked>> answers(IncidentId incident) {
        return incidents.incident(incident).flatMap(visible -> reports.answers(incident));
    }

    private static String title(TemplateContent content, List<AnswerAsked> asked, Locale locale) {
        String title = content.title().in(locale);
        return asked.stream()
                .filter(a -> a.kind() == QuestionKind.TEXT || a.kind() == QuestionKind.LONG_TEXT)
                .findFirst()
                .map(a -> title + ": " + excerpt(a.answer(), 120))
                .orElse(title);
    }

    private static String excerpt(String text, int limit) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= limit ? line : line.substring(0, limit - 1) + "\u2026";
    }

    /** The answers as text, a date and time in the reporter's zone (named) rather than as a machine writes it. */
    private static String description(List<AnswerAsked> asked, ZoneId zone) {
        if (asked.isEmpty()) {
            return "(no answers given)";
        }
        return asked.stream().map(a -> a.question() + "\n" + (a.moment() == null ? a.answer()
                        : LOCAL_TIME.format(a.moment().atZone(zone)) + " (" + (zone.equals(ZoneOffset.UTC) ? "UTC"
                                : zone.getId()) + ")"))
                .collect(Collectors.joining("\n\n"));
    }

    private static final java.time.format.DateTimeFormatter LOCAL_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Optional<Refusal> requireAdmin(String what) {
        return identity.currentActor().filter(actor -> actor.has(Role.ADMIN)).isPresent() ? Optional.empty()
                : Optional.of(Refusal.forbidden("you need the role admin to " + what));
    }
}
