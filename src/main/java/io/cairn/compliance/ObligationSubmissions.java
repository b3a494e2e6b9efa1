package io.cairn.compliance;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports of an incident's obligations' stages, for the API and the pages: staff who see the incident read them
 * and their exports; coordinators, privacy officers and handlers who may handle it change the drafts and submit them.
 */
@Service
class ObligationSubmissions {

    /** A file to download: its bytes, media type and name. */
    record Export(byte[] content, String mediaType, String filename) {}

    private final ComplianceAccess access;
    private final StageReports reports;
    private final StageSubmitting submitting;
    private final ReportExports exports;
    private final Submissions submissions;

    ObligationSubmissions(
            ComplianceAccess access,
            StageReports reports,
            StageSubmitting submitting,
            ReportExports exports,
            Submissions submissions) {
        this.access = access;
        this.reports = reports;
        this.submitting = submitting;
        this.exports = exports;
        this.submissions = submissions;
    }

    /** The stage's report with its submissions. */
    @Transactional // a read of a confidential incident is audited
    public Outcome<ReportDraftView> report(IncidentId incident, UUID obligation, String stage) {
        return access.requireIncidentReader(incident)
                .flatMap(grant -> reports.locate(grant, obligation, stage))
                .map(reports::view);
    }

    /** Every report of the incident's obligations. */
    @Transactional
    public Outcome<List<ReportDraftView>> reports(IncidentId incident) {
        return access.requireIncidentReader(incident).map(reports::ofIncident);
    }

    /** Replaces fields of the draft if it is still at the version (0 for the first save). Audited. */
    @Transactional
    public Outcome<ReportDraftView> saveDraft(
            IncidentId incident, UUID obligation, String stage, @Nullable Map<String, String> fields, long version) {
        return access.requireIncidentRecorder(incident)
                .flatMap(grant -> reports.locate(grant, obligation, stage))
                .flatMap(target -> submitting.saveDraft(target, fields, version));
    }

    /** Submits the draft at the version, frozen. Audited. */
    @Transactional
    public Outcome<SubmissionView> submit(
            IncidentId incident, UUID obligation, String stage, StageSubmitting.Request request) {
        return access.requireIncidentRecorder(incident)
                .flatMap(grant -> reports.locate(grant, obligation, stage))
                .flatMap(target -> submitting.submit(target, request));
    }

    /** The draft as JSON or PDF ({@code json}, {@code pdf}). */
    @Transactional
    public Outcome<Export> exportDraft(IncidentId incident, UUID obligation, String stage, String format) {
        return access.requireIncidentReader(incident)
                .flatMap(grant -> reports.locate(grant, obligation, stage))
                .map(target -> "pdf".equals(format)
                        ? new Export(exports.draftPdf(target), "application/pdf", stage + "-draft.pdf")
                        : new Export(exports.draftJson(target), "application/json", stage + "-draft.json"));
    }

    /** A submission as the exact JSON bytes it froze, or as a PDF written from them. */
    @Transactional
    public Outcome<Export> exportSubmission(
            IncidentId incident, UUID obligation, String stage, UUID submission, String format) {
        return access.requireIncidentReader(incident)
                .flatMap(grant -> reports.locate(grant, obligation, stage))
                .flatMap(target -> submissions
                        .find(submission)
                        .filter(found -> found.obligation().equals(obligation)
                                && found.view().stage().equals(stage))
                        .map(found -> Outcome.done(
                                "pdf".equals(format)
                                        ? new Export(
                                                exports.submissionPdf(target, found),
                                                "application/pdf",
                                                stage + "-" + found.view().sequence() + ".pdf")
                                        : new Export(
                                                found.content(),
                                                "application/json",
                                                stage + "-" + found.view().sequence() + ".json")))
                        .orElseGet(() -> Outcome.refused(Refusal.notFound("submission " + submission))));
    }
}
