package io.cairn.compliance;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The notice of an obligation's data-subjects stage (GDPR Art. 34): its counts for everyone who reads the incident's
 * compliance, and its list of people, which only privacy officers see and import.
 */
@RestController
@RequestMapping("/api/v1/incidents/{id}/compliance/obligations/{obligation}/notice")
@Tag(
        name = "Notices to the people affected",
        description = "GDPR Art. 34: the people a breach concerns, imported from CSV by privacy officers, and the "
                + "counts of their notices.")
class NoticeApi {

    /** What {@code badLines} may say: refuse the whole file, or import its good lines only. */
    static final List<String> BAD_LINES = List.of("refuse", "skip");

    /** New fields of the text by language ({@code en}, {@code nl}; fields not named keep theirs), and the version read. */
    record TextChange(
            @Nullable Map<String, Map<String, String>> texts,
            @NotNull Long version) {}

    /** The version of the text read, which sending freezes. */
    record SendRequest(@NotNull Long version) {}

    /**
     * Deliveries of unknown outcome settled after checking: {@code sent} (the mail arrived), {@code resend} (it did
     * not go out: send it again) or {@code failed} (give up), with a note of what was checked.
     */
    record Settlement(
            @Nullable List<Long> deliveries,
            @Nullable String outcome,
            @Nullable String note) {}

    private final DataSubjectNotices notices;
    private final NoticeWriting writing;
    private final NoticeSending sending;
    private final NoticeSettling settling;

    NoticeApi(DataSubjectNotices notices, NoticeWriting writing, NoticeSending sending, NoticeSettling settling) {
        this.notices = notices;
        this.writing = writing;
        this.sending = sending;
        this.settling = settling;
    }

    @Operation(
            operationId = "listUnknownDataSubjectNoticeDeliveries",
            summary = "List the deliveries of unknown outcome, to check (privacy officers only)",
            description = "A server that stopped between claiming a mail and marking it sent leaves its outcome "
                    + "unknown: it is never sent again by itself. The first 1,000, in the order imported.")
    @GetMapping("/unknown")
    List<NoticeView.Recipient> unknown(@PathVariable IncidentId id, @PathVariable UUID obligation) {
        return settling.unknown(id, obligation).orRefuse();
    }

    @Operation(
            operationId = "settleDataSubjectNoticeDeliveries",
            summary = "Settle deliveries of unknown outcome after checking them (privacy officers only)",
            description = "outcome 'sent' (the mail arrived), 'resend' (it did not go out: it is sent again with a "
                    + "new Message-ID) or 'failed' (given up, the note as its error), with a note of what was "
                    + "checked. All the deliveries named or none: 409 naming one that is not (or no longer) of "
                    + "unknown outcome. Once none is unknown, the stage is submitted as after any send.")
    @PostMapping("/settle")
    NoticeView settle(@PathVariable IncidentId id, @PathVariable UUID obligation, @RequestBody Settlement settlement) {
        return settling.settle(id, obligation, settlement.deliveries(), settlement.outcome(), settlement.note())
                .orRefuse();
    }

    @Operation(
            operationId = "sendDataSubjectNotice",
            summary = "Send the notice to every person of the list (privacy officers only)",
            description = "Freezes the text at the version read (409 when someone changed it first, or when sending "
                    + "started already) with its SHA-256, and queues every person; a worker mails them at "
                    + "cairn.compliance.notice-rate mails a second, each in their language, and the notice's counts "
                    + "show the progress. A mail whose sending was cut short by a stopped server is 'unknown' and "
                    + "never sent again: check it. When all are sent or failed, the stage is submitted by e-mail "
                    + "with the text's SHA-256 as reference, unless it is past due or has unknown deliveries: then "
                    + "the privacy officer submits it.")
    @PostMapping("/send")
    NoticeView send(@PathVariable IncidentId id, @PathVariable UUID obligation, @Valid @RequestBody SendRequest send) {
        return sending.start(id, obligation, send.version()).orRefuse();
    }

    @Operation(
            operationId = "getDataSubjectNoticeText",
            summary = "Read the text of the notice in English and Dutch",
            description = "Its subject and the GDPR Art. 34(2) content: nature, likely-consequences, measures and "
                    + "contact-point; drafted from the stage's records until it is saved.")
    @GetMapping("/text")
    NoticeTextView text(@PathVariable IncidentId id, @PathVariable UUID obligation) {
        return writing.text(id, obligation).orRefuse();
    }

    @Operation(
            operationId = "changeDataSubjectNoticeText",
            summary = "Change fields of the notice's text (privacy officers only)",
            description = "Needs the version read (0 before the first save; 409 when someone changed it first, or "
                    + "once sending started and the text is frozen).")
    @PutMapping("/text")
    NoticeTextView changeText(
            @PathVariable IncidentId id, @PathVariable UUID obligation, @Valid @RequestBody TextChange change) {
        return writing.saveText(id, obligation, change.texts(), change.version())
                .orRefuse();
    }

    @Operation(
            operationId = "previewDataSubjectNotice",
            summary = "The notice as a person of the language (en or nl) receives it")
    @GetMapping("/preview")
    NoticeTextView.Preview preview(
            @PathVariable IncidentId id,
            @PathVariable UUID obligation,
            @RequestParam(defaultValue = "en") String language) {
        return writing.preview(id, obligation, language).orRefuse();
    }

    @Operation(
            operationId = "getDataSubjectNotice",
            summary = "Read the notice to the people affected: the counts of its list")
    @GetMapping
    NoticeView notice(@PathVariable IncidentId id, @PathVariable UUID obligation) {
        return notices.notice(id, obligation).orRefuse();
    }

    @Operation(
            operationId = "listDataSubjectNoticePeople",
            summary = "List the people the notice goes to, 200 from the offset (privacy officers only)")
    @GetMapping("/people")
    List<NoticeView.Recipient> people(
            @PathVariable IncidentId id, @PathVariable UUID obligation, @RequestParam(defaultValue = "0") int offset) {
        if (offset < 0) {
            throw new io.cairn.shared.RefusedException(
                    Refusal.invalid("offset", SharedRefusals.OUT_OF_RANGE, "0", String.valueOf(Integer.MAX_VALUE)));
        }
        return notices.people(id, obligation, offset).orRefuse();
    }

    @Operation(
            operationId = "importDataSubjectNoticePeople",
            summary = "Add the people of a CSV file to the notice's list (privacy officers only)",
            description = "A header naming `name,e-mail,language` (in any order; all separated by commas, or all by "
                    + "semicolons), then a person a line, RFC 4180 quoting, UTF-8 with or without a byte order mark; "
                    + "language is `en` or `nl`. A file with bad lines (wrong column count, bad e-mail, unknown "
                    + "language, an e-mail twice or already listed, an empty name) is refused with every problem by "
                    + "line and column, and nothing is stored; with `badLines=skip` its good lines are imported and "
                    + "the answer names the lines left out.")
    @PostMapping(path = "/people", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    NoticeView.Import importPeople(
            @PathVariable IncidentId id,
            @PathVariable UUID obligation,
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "refuse") String badLines) {
        return notices.importPeople(id, obligation, upload(file), skipBadLines(badLines))
                .orRefuse();
    }

    /** Whether {@code badLines} says to import the good lines only; refused when it is neither choice. */
    static boolean skipBadLines(@Nullable String badLines) {
        if (badLines == null || !BAD_LINES.contains(badLines)) {
            throw new io.cairn.shared.RefusedException(
                    Refusal.invalid("badLines", SharedRefusals.MUST_BE_ONE_OF, String.join(", ", BAD_LINES)));
        }
        return badLines.equals("skip");
    }

    /** The uploaded file, read only when its size is within the limit. */
    static DataSubjectNotices.Upload upload(MultipartFile file) {
        return new DataSubjectNotices.Upload(file.getSize(), () -> {
            try {
                return file.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("the uploaded file could not be read", e);
            }
        });
    }
}
