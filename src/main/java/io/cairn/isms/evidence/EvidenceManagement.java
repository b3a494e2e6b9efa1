package io.cairn.isms.evidence;

import io.cairn.incidents.IncidentId;
import io.cairn.isms.EvidenceItemId;
import io.cairn.shared.Outcome;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The entry point to the evidence of incidents, for the module's own API and pages. It hands each request to the
 * service of its use case, where the rules are:
 *
 * <ul>
 *   <li>{@link EvidenceCollection}: entering an item, with a file Cairn holds or a hash the collector recorded.
 *   <li>{@link CustodyTransfers}: handing an item over, signed off by both sides.
 *   <li>{@link EvidenceCorrections} and {@link IntegrityChecks}: corrections, and checks of the files Cairn holds.
 *   <li>{@link EvidenceReading} and {@link CustodyRecordPdf}: reading items, their logs and files, and the custody
 *       record as a PDF.
 * </ul>
 * Every call acts for the signed-in user; {@link EvidenceAccess} has the rules of who may do what. Evidence its
 * reader may not read does not exist for them.
 */
@Service
public class EvidenceManagement {

    private final EvidenceCollection collection;
    private final CustodyTransfers transfers;
    private final EvidenceCorrections corrections;
    private final IntegrityChecks checks;
    private final EvidenceReading reading;
    private final CustodyRecordPdf pdf;

    EvidenceManagement(
            EvidenceCollection collection,
            CustodyTransfers transfers,
            EvidenceCorrections corrections,
            IntegrityChecks checks,
            EvidenceReading reading,
            CustodyRecordPdf pdf) {
        this.collection = collection;
        this.transfers = transfers;
        this.corrections = corrections;
        this.checks = checks;
        this.reading = reading;
        this.pdf = pdf;
    }

    /** Enters an item that Cairn does not hold, with the SHA-256 its collector recorded. */
    public Outcome<EvidenceView> collect(IncidentId incident, NewEvidence item) {
        return collection.collect(incident, item, null, null).flatMap(reading::one);
    }

    /** Enters an item whose file Cairn holds from now on, computing its SHA-256. */
    public Outcome<EvidenceView> collectFile(
            IncidentId incident, NewEvidence item, @Nullable String fileName, InputStream file) {
        return collection.collect(incident, item, fileName, file).flatMap(reading::one);
    }

    /** The incident's items, by number. */
    public Outcome<List<EvidenceView>> evidence(IncidentId incident) {
        return reading.ofIncident(incident);
    }

    /** One item with its custody log. */
    public Outcome<EvidenceView> item(EvidenceItemId id) {
        return reading.one(id);
    }

    /** The file Cairn holds of an item. */
    Outcome<EvidenceReading.HeldContent> content(EvidenceItemId id) {
        return reading.content(id);
    }

    /** The custodian proposes a transfer; the item as it is then, with the transfer pending. */
    public Outcome<EvidenceView> proposeTransfer(EvidenceItemId id, NewTransfer transfer) {
        return transfers.propose(id, transfer).flatMap(proposal -> reading.one(id));
    }

    /** The receiver accepts the transfer and holds the item. */
    public Outcome<EvidenceView> acceptTransfer(EvidenceItemId id, UUID transfer) {
        return transfers.accept(id, transfer).flatMap(accepted -> reading.one(id));
    }

    /** The receiver declines the transfer, with a reason. */
    public Outcome<EvidenceView> declineTransfer(EvidenceItemId id, UUID transfer, @Nullable String reason) {
        return transfers.decline(id, transfer, reason).flatMap(declined -> reading.one(id));
    }

    /** The custodian withdraws the transfer they proposed, with a reason, before it is signed off. */
    public Outcome<EvidenceView> withdrawTransfer(EvidenceItemId id, UUID transfer, @Nullable String reason) {
        return transfers.withdraw(id, transfer, reason).flatMap(withdrawn -> reading.one(id));
    }

    /** Corrects one fact of the item by a new entry of its log. */
    public Outcome<EvidenceView> correct(EvidenceItemId id, NewCorrection correction) {
        return corrections.correct(id, correction).flatMap(corrected -> reading.one(id));
    }

    /** Recomputes the SHA-256 of the file Cairn holds and records whether it matches. */
    public Outcome<EvidenceView> checkIntegrity(EvidenceItemId id) {
        return checks.check(id).flatMap(matched -> reading.one(id));
    }

    /** The items awaiting the signed-in user's sign-off. */
    public List<EvidenceView> awaitingMe() {
        return reading.awaitingMe();
    }

    /** What the signed-in user may do with the incident's evidence, or with one item of it. */
    EvidenceReading.Rights rights(IncidentId incident, @Nullable EvidenceView item) {
        return reading.rights(incident, item);
    }

    /** The incident's reference and title, once its evidence was read. */
    String incidentTitle(IncidentId incident) {
        return reading.incidentTitle(incident).orElse(incident.toString());
    }

    /** The item's custody record as a PDF in the reader's language. */
    public Outcome<byte[]> custodyRecord(EvidenceItemId id, Locale locale) {
        return reading.one(id).map(item -> pdf.render(item, incidentTitle(item.incident()), locale));
    }
}
