package io.cairn.compliance;

import io.cairn.shared.ContentDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The structured JSON of a stage's report: what it is about (incident, regime, stage, legal entity, due instant) and
 * its fields, and for a submission what was sent through which channel to whom. A submission stores these exact bytes
 * with their SHA-256; the same report always gives the same bytes.
 */
final class SubmissionContent {

    /**
     * What a report is about.
     *
     * @param regimeName the regime's name in English, as the structured data names it
     * @param stageName the stage's name in English
     */
    record Subject(
            String incidentReference,
            String incidentTitle,
            String regime,
            String regimeVersion,
            String regimeName,
            String stage,
            String stageName,
            String legalEntity,
            @Nullable Instant dueAt) {}

    private static final JsonMapper json = JsonMapper.builder().build();

    private SubmissionContent() {}

    /** The JSON of a draft: not submitted. */
    static byte[] draft(Subject subject, Map<String, String> fields) {
        Map<String, Object> content = head(subject);
        content.put("status", "draft");
        content.put("fields", fields);
        return json.writeValueAsBytes(content);
    }

    /** The JSON of a submission, as it is frozen; the submission's digest is not part of it. */
    static byte[] submitted(Subject subject, Map<String, String> fields, SubmissionView submission) {
        Map<String, Object> content = head(subject);
        content.put("status", "submitted");
        content.put("fields", fields);
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("id", submission.id().toString());
        sent.put("sequence", submission.sequence());
        sent.put(
                "corrects",
                submission.corrects() == null ? null : submission.corrects().toString());
        sent.put("channel", submission.channel());
        sent.put("recipient", submission.recipient());
        sent.put("reference", submission.reference());
        sent.put("late", submission.late());
        sent.put("delayReason", submission.delayReason());
        sent.put("submittedBy", submission.submittedByName());
        sent.put("submittedAt", submission.submittedAt().toString());
        content.put("submission", sent);
        return json.writeValueAsBytes(content);
    }

    /** The SHA-256 of the bytes, as lower-case hex. */
    static String sha256(byte[] content) {
        return ContentDigest.of(content).hex();
    }

    private static Map<String, Object> head(Subject subject) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("format", "cairn-regulatory-report/1");
        content.put("incident", pair("reference", subject.incidentReference(), "title", subject.incidentTitle()));
        Map<String, Object> regime = new LinkedHashMap<>();
        regime.put("id", subject.regime());
        regime.put("version", subject.regimeVersion());
        regime.put("name", subject.regimeName());
        content.put("regime", regime);
        content.put("stage", pair("id", subject.stage(), "name", subject.stageName()));
        content.put("legalEntity", subject.legalEntity());
        content.put("dueAt", subject.dueAt() == null ? null : subject.dueAt().toString());
        return content;
    }

    /** Two entries in this order (a {@code Map.of} has none that lasts from one run to the next). */
    private static Map<String, Object> pair(String first, Object one, String second, Object two) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(first, one);
        map.put(second, two);
        return map;
    }
}
