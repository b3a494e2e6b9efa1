package io.cairn.intake;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.ReporterView;
import io.cairn.shared.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The intake module's entry point: report templates, reports through them, attachments and follow-up; each report
 * becomes an incident. It hands each request to the service of its use case, where the rules are:
 *
 * <ul>
 *   <li>{@link TemplateReading} and {@link TemplateEditing}: everyone reads the active templates; admins (see
 *       {@link IntakeAccess}) add, revise, retire and order them, and see retired ones.
 *   <li>{@link GuidedReporting}: reports through a template, signed in or anonymously, each checked by
 *       {@link GuidedAnswers}; an anonymous reporter gets a follow-up code.
 *   <li>{@link AttachmentKeeping}: files kept with an incident by those who may add notes to it.
 *   <li>{@link FollowUpByCode}: the holder of a follow-up code follows, answers and adds files to their report.
 * </ul>
 * Alerts from monitoring systems arrive through {@link AlertReception}, mails through {@link MailIntake}. Only what is
 * used outside the module is public: reporting through a template (the page tests use it to set up their data).
 */
@Service
public class IntakeManagement {

    private final TemplateReading templates;
    private final TemplateEditing editing;
    private final GuidedReporting reporting;
    private final AttachmentKeeping attachments;
    private final FollowUpByCode followUp;

    IntakeManagement(
            TemplateReading templates,
            TemplateEditing editing,
            GuidedReporting reporting,
            AttachmentKeeping attachments,
            FollowUpByCode followUp) {
        this.templates = templates;
        this.editing = editing;
        this.reporting = reporting;
        this.attachments = attachments;
        this.followUp = followUp;
    }

    // --- templates -----------------------------------------------------------------------------------------------

    /** The templates a reporter chooses from, in their order; retired ones are left out. */
    List<ReportTemplate> activeTemplates() {
        return templates.active();
    }

    /** Every template, retired ones too (admin only). */
    Outcome<List<ReportTemplate>> allTemplates() {
        return templates.all();
    }

    /** One template by key; a retired one only for admins. */
    Outcome<ReportTemplate> template(String key) {
        return templates.one(key);
    }

    /** Adds a template at the end of the list (admin only). */
    Outcome<ReportTemplate> addTemplate(String key, TemplateContent content) {
        return editing.add(key, content);
    }

    /**
     * Replaces a template's content with a new version (admin only). Reports already made keep the questions and
     * answers as they were asked.
     */
    Outcome<ReportTemplate> reviseTemplate(String key, TemplateContent content, long version) {
        return editing.revise(key, content, version);
    }

    /** Retires a template, or brings a retired one back (admin only). */
    Outcome<ReportTemplate> retireTemplate(String key, boolean retired, long version) {
        return editing.retire(key, retired, version);
    }

    /** Puts the templates in the given order (admin only); every template's key must be listed once. */
    Outcome<List<ReportTemplate>> reorderTemplates(List<String> keys) {
        return editing.reorder(keys);
    }

    // --- reports through templates ---------------------------------------------------------------------------------

    /**
     * Reports an incident through a template: checks the answers, opens the incident with the template's defaults
     * and a description built from the answers, keeps the answers as asked, and returns the reference and the tips.
     */
    public Outcome<ReportReceipt> submitReport(ReportSubmission submission) {
        return reporting.submit(submission, Map.of());
    }

    /**
     * Reports through a template with files that answer its file questions (by question key); the files are kept
     * with the incident, and a refused file refuses the whole report, so nothing is kept half.
     */
    Outcome<ReportReceipt> submitReport(ReportSubmission submission, Map<String, UploadedFile> files) {
        return reporting.submit(submission, files);
    }

    /**
     * Reports an incident for a person without an account. Devices can only be described, not picked. The answer
     * holds a follow-up code, shown this once and stored only as a digest.
     */
    Outcome<AnonymousReceipt> submitAnonymousReport(ReportSubmission submission) {
        return reporting.submitAnonymously(submission, Map.of());
    }

    /** Reports anonymously with files that answer the template's file questions (by question key). */
    Outcome<AnonymousReceipt> submitAnonymousReport(ReportSubmission submission, Map<String, UploadedFile> files) {
        return reporting.submitAnonymously(submission, files);
    }

    /** The answers of the report that opened the incident, as asked; for those who may see the incident. */
    Optional<List<AnswerAsked>> answers(IncidentId incident) {
        return reporting.answers(incident);
    }

    // --- attachments and follow-up by code ------------------------------------------------------------------------

    /**
     * Keeps a file with an incident, for those who may add notes to it (its handlers, its reporter); the
     * timeline notes it. A refused file (a program, too large, empty) keeps nothing.
     */
    Outcome<AttachmentView> attach(IncidentId incident, UploadedFile file) {
        return attachments.attach(incident, file);
    }

    /** The holder of a follow-up code adds a file to their report; wrong codes are throttled as for replies. */
    Outcome<AttachmentView> attachByFollowUpCode(String code, UploadedFile file, String address) {
        return followUp.attach(code, file, address);
    }

    /** What the holder of a follow-up code may see: status, outcome, questions and replies. */
    Outcome<ReporterView> followUp(String code, String address) {
        return followUp.followUp(code, address);
    }

    /** The holder of a follow-up code answers the handlers or adds to their report. */
    Outcome<ReporterView> replyByFollowUpCode(String code, String reply, String address) {
        return followUp.reply(code, reply, address);
    }
}
