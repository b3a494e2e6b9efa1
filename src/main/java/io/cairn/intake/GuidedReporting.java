package io.cairn.intake;

import io.cairn.assets.AssetManagement;
import io.cairn.assets.DeviceView;
import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.UserView;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import io.cairn.incidents.channels.ReporterChannels;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Reporting through a template, signed in or anonymously: the answers are checked, the incident opens with the
 * template's defaults and a description built from the answers, the answers are kept as asked (files that answer file
 * questions are kept with the incident), and the reporter gets the reference and the template's tips. An anonymous
 * reporter also gets a follow-up code, shown once and stored only as a digest.
 */
@Component
class GuidedReporting {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final IncidentManagement incidents;
    private final ReporterChannels channels;
    private final IdentityManagement identity;
    private final AssetManagement assets;
    private final ReportTemplates templates;
    private final IntakeReports reports;
    private final FollowUpCodes followUpCodes;
    private final AttachmentKeeping attachments;
    private final Duration followUpValidity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GuidedReporting(
            IncidentManagement incidents,
            ReporterChannels channels,
            IdentityManagement identity,
            AssetManagement assets,
            ReportTemplates templates,
            IntakeReports reports,
            FollowUpCodes followUpCodes,
            AttachmentKeeping attachments,
            @Value("${cairn.intake.follow-up-validity:P365D}") Duration followUpValidity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.incidents = incidents;
        this.channels = channels;
        this.identity = identity;
        this.assets = assets;
        this.templates = templates;
        this.reports = reports;
        this.followUpCodes = followUpCodes;
        this.attachments = attachments;
        this.followUpValidity = followUpValidity;
        this.events = events;
        this.clock = clock;
    }

    /** A report as submitted, with the files that answer file questions, and how its incident opens. */
    private record Submitted(
            ReportSubmission submission,
            Map<String, UploadedFile> files,
            List<DeviceView> devices,
            Function<NewIncident, Outcome<IncidentView>> report,
            String channel) {}

    /** The incident a report opened, and the tips to show its reporter. */
    private record Opened(IncidentView incident, List<String> tips) {}

    /** The signed-in reporter reports; their report is acknowledged by mail when their account has an address. */
    @Transactional
    Outcome<ReportReceipt> submit(ReportSubmission submission, Map<String, UploadedFile> files) {
        return open(new Submitted(submission, files, assets.myDevices(), incidents::reportRouted, "portal"))
                .map(opened -> {
                    acknowledgeByMail(opened.incident(), submission.language());
                    return new ReportReceipt(
                            opened.incident().id(), opened.incident().reference(), opened.tips());
                });
    }

    /** A person without an account reports; devices can only be described, not picked. */
    @Transactional
    Outcome<AnonymousReceipt> submitAnonymously(ReportSubmission submission, Map<String, UploadedFile> files) {
        return open(new Submitted(submission, files, List.of(), channels::reportAnonymously, "anonymous"))
                .map(opened -> {
                    Instant now = clock.instant();
                    String code = followUpCodes.issue(opened.incident().id(), now, now.plus(followUpValidity));
                    return new AnonymousReceipt(opened.incident().reference(), opened.tips(), code);
                });
    }

    /**
     * The answers of the report that opened the incident, as asked; for those who may see the incident. Not
     * read-only: reading a confidential incident appends to the audit trail.
     */
    @Transactional
    Optional<List<AnswerAsked>> answers(IncidentId incident) {
        return incidents.incident(incident).flatMap(visible -> reports.answers(incident));
    }

    /** Has the signed-in reporter's report acknowledged by mail, when their account has an e-mail address. */
    private void acknowledgeByMail(IncidentView incident, @Nullable String language) {
        identity.currentActor().map(actor -> identity.user(actor.id())).ifPresent(user -> {
            if (user instanceof Outcome.Done<UserView> done && done.value().email() != null) {
                events.publishEvent(new ReportReceived(
                        incident.id(),
                        incident.reference(),
                        done.value().email(),
                        GuidedAnswers.locale(language == null ? "en" : language).getLanguage(),
                        done.value().id(),
                        null,
                        false,
                        null));
            }
        });
    }

    private Outcome<Opened> open(Submitted submitted) {
        ReportSubmission submission = submitted.submission();
        Optional<ReportTemplates.Stored> found = templates
                .byKey(submission.template())
                .filter(stored -> !stored.template().retired());
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.invalid("template", IntakeRefusals.NOT_A_TEMPLATE, submission.template()));
        }
        Optional<ZoneId> zone = zoneOf(submission.timeZone());
        if (zone.isEmpty()) {
            return Outcome.refused(Refusal.invalid("timeZone", IntakeRefusals.NOT_A_TIME_ZONE));
        }
        Locale locale = GuidedAnswers.locale(submission.language() == null ? "en" : submission.language());
        return GuidedAnswers.read(
                        found.get().template().content(),
                        submission.answers(),
                        submitted.files(),
                        attachments::refusal,
                        locale,
                        zone.get(),
                        submitted.devices())
                .flatMap(asked -> opened(submitted, found.get(), asked, locale, zone.get()));
    }

    private Outcome<Opened> opened(
            Submitted submitted, ReportTemplates.Stored template, List<AnswerAsked> asked, Locale locale, ZoneId zone) {
        Outcome<IncidentView> opened =
                submitted.report().apply(newIncident(submitted, template.template(), asked, locale, zone));
        if (opened instanceof Outcome.Refused<IncidentView> refused) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Outcome.refused(refused.refusal());
        }
        IncidentView view = ((Outcome.Done<IncidentView>) opened).value();
        reports.add(
                view.id(),
                template.id(),
                template.template().revision(),
                locale.getLanguage(),
                submitted.channel(),
                asked,
                clock.instant());
        ActorRef by = identity.currentActor().map(Actor::ref).orElse(IncidentManagement.ANONYMOUS);
        asked.stream()
                .filter(answer -> answer.kind() == QuestionKind.FILE)
                .forEach(answer -> attachments.keep(
                        view.id(),
                        Objects.requireNonNull(submitted.files().get(answer.key()), "a file answer has its file"),
                        by));
        return Outcome.done(new Opened(
                view,
                template.template().content().tips().stream()
                        .map(tip -> tip.in(locale))
                        .toList()));
    }

    private static NewIncident newIncident(
            Submitted submitted, ReportTemplate template, List<AnswerAsked> asked, Locale locale, ZoneId zone) {
        TemplateContent content = template.content();
        TemplateContent.Defaults defaults = content.defaults();
        ReportSubmission submission = submitted.submission();
        return new NewIncident(
                title(content, asked, locale),
                description(asked, zone),
                defaults.category(),
                null,
                null,
                defaults.impact(),
                defaults.urgency(),
                defaults.tlp(),
                null,
                Boolean.TRUE.equals(submission.confidential()) || defaults.confidential(),
                null,
                defaults.team(),
                null,
                null,
                null,
                GuidedAnswers.devicePicked(content, submission.answers(), submitted.devices())
                        .orElse(null),
                template.key(),
                null,
                null);
    }

    /** The reporter's time zone; UTC when they give none, empty when it is not one. */
    private static Optional<ZoneId> zoneOf(@Nullable String timeZone) {
        try {
            return Optional.of(timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
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
        return asked.stream()
                .map(a -> a.question() + "\n"
                        + (a.moment() == null
                                ? a.answer()
                                : LOCAL_TIME.format(a.moment().atZone(zone)) + " ("
                                        + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId()) + ")"))
                .collect(Collectors.joining("\n\n"));
    }
}
