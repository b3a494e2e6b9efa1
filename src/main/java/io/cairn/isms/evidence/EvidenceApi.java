package io.cairn.isms.evidence;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.isms.EvidenceItemId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The evidence of incidents and its chain of custody (ISO/IEC 27037): items with their SHA-256, a custody log of
 * every transfer signed off by both sides, integrity checks, corrections, and the custody record as a PDF.
 */
@RestController
@Tag(
        name = "Evidence",
        description = "Evidence items of an incident and their chain of custody, for the security team that reads the "
                + "incident in full. Append-only: a correction is a new entry of the item's log.")
class EvidenceApi {

    /** An item Cairn does not hold, with the SHA-256 its collector recorded; see {@link NewEvidence}. */
    record RecordedEvidence(
            @Schema(
                    description = "disk-image, memory-image, mobile-device, computer, storage-medium, log-export, "
                            + "mail-file, network-capture, document or other")
            @Nullable
            String kind,

            @Nullable String description,

            @Schema(description = "The device, system or person it came from") @Nullable
            String source,

            @Nullable Instant collectedAt,

            @Schema(description = "The collector's user id; the caller when absent") @Nullable
            UserId collectedBy,

            @Schema(description = "The place it was collected at") @Nullable
            String collectedWhere,

            @Schema(description = "The method and tool, such as 'write-blocker + dd'") @Nullable
            String collectedHow,

            @Schema(description = "64 hexadecimal digits") @Nullable
            String sha256,

            @Schema(description = "Where it is kept now") @Nullable
            String storageLocation) {

        NewEvidence item() {
            return new NewEvidence(
                    kind,
                    description,
                    source,
                    collectedAt,
                    collectedBy,
                    collectedWhere,
                    collectedHow,
                    sha256,
                    storageLocation);
        }
    }

    /** A hand-over the custodian proposes; see {@link NewTransfer}. */
    record TransferProposal(
            @Schema(description = "The receiver's user id") @Nullable
            UserId to,

            @Schema(description = "When the hand-over takes place; now when absent") @Nullable
            Instant at,

            @Nullable String purpose,

            @Schema(description = "Where the receiver will keep it") @Nullable
            String storageLocation,

            @NotNull Long version) {

        @SuppressWarnings("NullAway") // @NotNull, checked by @Valid
        NewTransfer transfer() {
            return new NewTransfer(to, at, purpose, storageLocation, version);
        }
    }

    /** Why the receiver declines, or the custodian withdraws. */
    record Decline(@Nullable String reason) {}

    /** A correction of one fact; see {@link NewCorrection}. */
    record Correction(
            @Schema(
                    description = "kind, description, source, collectedAt, collectedWhere, collectedHow, "
                            + "storageLocation, or sha256 (of an item Cairn does not hold)")
            @Nullable
            String field,

            @Nullable String value,
            @Nullable String reason,
            @NotNull Long version) {

        @SuppressWarnings("NullAway") // @NotNull, checked by @Valid
        NewCorrection correction() {
            return new NewCorrection(field, value, reason, version);
        }
    }

    private static final String ITEM = "/api/v1/incidents/{id}/evidence/{item}";

    private final EvidenceManagement evidence;
    private final EvidenceDownloads downloads;

    EvidenceApi(EvidenceManagement evidence, EvidenceDownloads downloads) {
        this.evidence = evidence;
        this.downloads = downloads;
    }

    @Operation(
            operationId = "listEvidence",
            summary = "List an incident's evidence",
            description = "Staff who read the incident in full. Each item with its custody log.")
    @GetMapping("/api/v1/incidents/{id}/evidence")
    List<EvidenceView> list(@PathVariable IncidentId id) {
        return evidence.evidence(id).orRefuse();
    }

    @Operation(
            operationId = "recordEvidence",
            summary = "Enter an evidence item that Cairn does not hold",
            description = "Handlers and coordinators of the incident. The collector's SHA-256 is required: exactly 64 "
                    + "hexadecimal digits, kept in lower case. The collector (the caller when absent) must be a user "
                    + "who may read the incident's evidence; they are its first custodian.")
    @ApiResponse(responseCode = "201", description = "The item, with its first custody entry")
    @PostMapping("/api/v1/incidents/{id}/evidence")
    ResponseEntity<EvidenceView> record(@PathVariable IncidentId id, @RequestBody RecordedEvidence body) {
        return created(evidence.collect(id, body.item()).orRefuse());
    }

    @Operation(
            operationId = "uploadEvidence",
            summary = "Enter an evidence item with its file, which Cairn holds",
            description = "Handlers and coordinators of the incident. Cairn computes the file's SHA-256 as it arrives; "
                    + "a `sha256` given as well must be the file's. The file may be as large as "
                    + "`cairn.isms.evidence.max-file-size` (25 MB unless configured). The other parts are those of "
                    + "`recordEvidence`, as form fields.")
    @ApiResponse(responseCode = "201", description = "The item, with its first custody entry")
    @PostMapping(path = "/api/v1/incidents/{id}/evidence/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<EvidenceView> upload(
            @PathVariable IncidentId id,
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String collectedAt,
            @RequestParam(required = false) @Nullable String collectedBy,
            @RequestParam(required = false) @Nullable String collectedWhere,
            @RequestParam(required = false) @Nullable String collectedHow,
            @RequestParam(required = false) @Nullable String sha256,
            @RequestParam(required = false) @Nullable String storageLocation)
            throws IOException {
        Outcome<NewEvidence> item = EvidenceForms.item(
                kind,
                description,
                source,
                collectedAt,
                collectedBy,
                collectedWhere,
                collectedHow,
                sha256,
                storageLocation);
        java.io.InputStream content = file.getInputStream();
        return created(item.flatMap(read -> evidence.collectFile(id, read, file.getOriginalFilename(), content))
                .orRefuse());
    }

    @Operation(operationId = "readEvidence", summary = "Read an evidence item with its custody log")
    @GetMapping(ITEM)
    EvidenceView read(@PathVariable IncidentId id, @PathVariable EvidenceItemId item) {
        return of(id, item);
    }

    @Operation(
            operationId = "downloadEvidence",
            summary = "Download the file of an evidence item that Cairn holds",
            description = "Always a download (never shown inline), with the SHA-256 in a `Repr-Digest` header.")
    @ApiResponse(
            responseCode = "200",
            description = "The file",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary")))
    @GetMapping(ITEM + "/content")
    ResponseEntity<byte[]> content(@PathVariable IncidentId id, @PathVariable EvidenceItemId item) {
        of(id, item);
        return downloads.file(evidence.content(item).orRefuse());
    }

    @Operation(
            operationId = "readEvidenceCustodyRecord",
            summary = "The custody record of an evidence item as a PDF",
            description = "In the reader's language (Accept-Language): the item, every custody entry with both "
                    + "sign-offs, and how to verify the item and the record.")
    @ApiResponse(
            responseCode = "200",
            description = "The PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @GetMapping(ITEM + "/custody.pdf")
    ResponseEntity<byte[]> custodyRecord(
            @PathVariable IncidentId id, @PathVariable EvidenceItemId item, java.util.Locale locale) {
        EvidenceView view = of(id, item);
        return downloads.pdf(view, evidence.custodyRecord(item, locale).orRefuse());
    }

    @Operation(
            operationId = "proposeEvidenceTransfer",
            summary = "Propose to hand an evidence item over",
            description = "The item's custodian only, on the item's version they saw. The receiver must be another "
                    + "user who may read the incident's evidence; one transfer of an item is pending at a time. Custody "
                    + "moves when the receiver accepts.")
    @ApiResponse(responseCode = "200", description = "The item, with the new entry of its custody log")
    @ApiResponse(responseCode = "409", description = "Another transfer of the item awaits a sign-off.")
    @PostMapping(ITEM + "/transfers")
    EvidenceView propose(
            @PathVariable IncidentId id, @PathVariable EvidenceItemId item, @Valid @RequestBody TransferProposal body) {
        of(id, item);
        return evidence.proposeTransfer(item, body.transfer()).orRefuse();
    }

    @Operation(
            operationId = "acceptEvidenceTransfer",
            summary = "Accept a transfer of an evidence item",
            description = "The transfer's receiver only, who signs it off and holds the item from then on.")
    @ApiResponse(responseCode = "200", description = "The item, with the new entry of its custody log")
    @ApiResponse(
            responseCode = "409",
            description = "The transfer no longer awaits a sign-off: it was signed off or withdrawn.")
    @PostMapping(ITEM + "/transfers/{transfer}/accept")
    EvidenceView accept(@PathVariable IncidentId id, @PathVariable EvidenceItemId item, @PathVariable UUID transfer) {
        of(id, item);
        return evidence.acceptTransfer(item, transfer).orRefuse();
    }

    @Operation(
            operationId = "declineEvidenceTransfer",
            summary = "Decline a transfer of an evidence item",
            description = "The transfer's receiver only, with a reason; the custodian keeps the item.")
    @ApiResponse(responseCode = "200", description = "The item, with the new entry of its custody log")
    @ApiResponse(
            responseCode = "409",
            description = "The transfer no longer awaits a sign-off: it was signed off or withdrawn.")
    @PostMapping(ITEM + "/transfers/{transfer}/decline")
    EvidenceView decline(
            @PathVariable IncidentId id,
            @PathVariable EvidenceItemId item,
            @PathVariable UUID transfer,
            @RequestBody Decline body) {
        of(id, item);
        return evidence.declineTransfer(item, transfer, body.reason()).orRefuse();
    }

    @Operation(
            operationId = "withdrawEvidenceTransfer",
            summary = "Withdraw a proposed transfer of an evidence item",
            description = "The item's custodian only, with a reason, while the receiver has not signed it off: for a "
                    + "receiver who will not answer, or a hand-over that will not happen.")
    @ApiResponse(responseCode = "200", description = "The item, with the new entry of its custody log")
    @ApiResponse(
            responseCode = "409",
            description = "The transfer no longer awaits a sign-off: it was signed off or withdrawn.")
    @PostMapping(ITEM + "/transfers/{transfer}/withdraw")
    EvidenceView withdraw(
            @PathVariable IncidentId id,
            @PathVariable EvidenceItemId item,
            @PathVariable UUID transfer,
            @RequestBody Decline body) {
        of(id, item);
        return evidence.withdrawTransfer(item, transfer, body.reason()).orRefuse();
    }

    @Operation(
            operationId = "correctEvidence",
            summary = "Correct a fact of an evidence item",
            description = "Handlers and coordinators of the incident, and the item's custodian, on the version they "
                    + "saw. A new entry of the log, with a reason, that refers to the entry it corrects.")
    @PostMapping(ITEM + "/corrections")
    EvidenceView correct(
            @PathVariable IncidentId id, @PathVariable EvidenceItemId item, @Valid @RequestBody Correction body) {
        of(id, item);
        return evidence.correct(item, body.correction()).orRefuse();
    }

    @Operation(
            operationId = "checkEvidenceIntegrity",
            summary = "Check the integrity of an evidence file Cairn holds",
            description = "Handlers and coordinators of the incident, and the item's custodian. Cairn recomputes the "
                    + "file's SHA-256 and records whether it matches as an entry of the log.")
    @ApiResponse(responseCode = "200", description = "The item, with the new entry of its custody log")
    @ApiResponse(
            responseCode = "409",
            description = "Cairn does not hold the item's file: its hash was recorded by the collector.")
    @PostMapping(ITEM + "/integrity-checks")
    EvidenceView check(@PathVariable IncidentId id, @PathVariable EvidenceItemId item) {
        of(id, item);
        return evidence.checkIntegrity(item).orRefuse();
    }

    @Operation(
            operationId = "listEvidenceAwaitingMe",
            summary = "The evidence awaiting my sign-off",
            description = "The items whose pending transfer names the caller as receiver.")
    @GetMapping("/api/v1/evidence/awaiting-my-sign-off")
    List<EvidenceView> awaiting() {
        return evidence.awaitingMe();
    }

    /** The item, if it is of this incident and the caller may read it. */
    private EvidenceView of(IncidentId id, EvidenceItemId item) {
        EvidenceView view = evidence.item(item).orRefuse();
        if (!view.incident().equals(id)) {
            throw new io.cairn.shared.RefusedException(Refusal.notFound("evidence item " + item));
        }
        return view;
    }

    private static ResponseEntity<EvidenceView> created(EvidenceView view) {
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + view.incident() + "/evidence/" + view.id()))
                .body(view);
    }
}
