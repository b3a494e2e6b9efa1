package io.cairn.isms.evidence;

import io.cairn.identity.Actor;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.incidents.IncidentId;
import io.cairn.isms.EvidenceCollected;
import io.cairn.isms.EvidenceItemId;
import io.cairn.isms.files.FileNames;
import io.cairn.isms.files.ReceivedFile;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.Refusal.FieldProblem;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enters evidence items: the incident's handlers and coordinators enter what was collected, by them or by a colleague
 * who may read the incident's evidence, who becomes the item's first custodian. Cairn computes the SHA-256 of a file
 * it is given to hold (and refuses the file when the collector's recorded hash differs); for an item it does not hold
 * the collector's hash is required. The collection is the log's first entry; a refused item stores nothing.
 */
@Component
class EvidenceCollection {

    private final EvidenceAccess access;
    private final EvidenceStore store;
    private final EvidenceFiles files;
    private final CustodyLogs logs;
    private final Clock clock;

    EvidenceCollection(EvidenceAccess access, EvidenceStore store, EvidenceFiles files, CustodyLogs logs, Clock clock) {
        this.access = access;
        this.store = store;
        this.files = files;
        this.logs = logs;
        this.clock = clock;
    }

    /** Enters an item; {@code file}, when given, is the file Cairn is to hold, with its name as uploaded. */
    @Transactional
    Outcome<EvidenceItemId> collect(
            IncidentId incident, NewEvidence item, @Nullable String fileName, @Nullable InputStream file) {
        Actor actor = access.actor();
        Optional<Refusal> hidden = access.readRefusal(actor, incident);
        if (hidden.isPresent()) {
            return Outcome.refused(hidden.get());
        }
        if (!access.handles(actor, incident)) {
            return Outcome.refused(Refusal.forbidden(EvidenceRefusals.ONLY_HANDLERS_RECORD));
        }
        if (file == null) {
            return checked(incident, item, null, fileName, actor);
        }
        Outcome<ReceivedFile> read = files.read("file", file);
        if (read instanceof Outcome.Refused<ReceivedFile> refused) {
            return Outcome.refused(refused.refusal());
        }
        try (ReceivedFile held = ((Outcome.Done<ReceivedFile>) read).value()) {
            return checked(incident, item, held, fileName, actor);
        }
    }

    private Outcome<EvidenceItemId> checked(
            IncidentId incident,
            NewEvidence item,
            @Nullable ReceivedFile held,
            @Nullable String fileName,
            Actor actor) {
        Instant now = clock.instant();
        List<FieldProblem> problems = new java.util.ArrayList<>(EvidenceRules.itemProblems(item, now));
        hashProblem(item.sha256(), held).ifPresent(problems::add);
        UserId collector = item.collectedBy() == null ? actor.id() : item.collectedBy();
        collectorProblem(collector, incident).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        return Outcome.done(enter(incident, item, collector, held, fileName, actor, now));
    }

    private EvidenceItemId enter(
            IncidentId incident,
            NewEvidence item,
            UserId collector,
            @Nullable ReceivedFile held,
            @Nullable String fileName,
            Actor actor,
            Instant now) {
        EvidenceItem entered = entered(incident, item, collector, held, fileName, now);
        store.insert(entered);
        if (held != null) {
            store.insertFile(entered.id(), held);
        }
        logs.append(
                entered,
                CustodyEntry.Kind.COLLECTED,
                actor,
                now,
                CustodyEntry.Facts.collected(
                        entered.collectedAt(),
                        collector,
                        entered.storageLocation(),
                        held == null ? null : held.sha256()),
                entry -> new EvidenceCollected(
                        entered.id(),
                        incident,
                        actor.ref(),
                        entry.recordedAt(),
                        collector,
                        entered.sha256(),
                        entry.previousHash(),
                        entry.hash()));
        return entered.id();
    }

    @SuppressWarnings("NullAway") // the facts were checked present by EvidenceRules.itemProblems
    private EvidenceItem entered(
            IncidentId incident,
            NewEvidence item,
            UserId collector,
            @Nullable ReceivedFile held,
            @Nullable String fileName,
            Instant now) {
        String sha256 = held == null ? EvidenceRules.normalisedSha256(item.sha256()) : held.sha256();
        return new EvidenceItem(
                EvidenceItemId.random(),
                incident,
                store.nextNumber(incident),
                EvidenceKind.ofCode(item.kind().strip()).orElseThrow(),
                item.description().strip(),
                item.source().strip(),
                item.collectedAt().truncatedTo(ChronoUnit.MICROS),
                collector,
                item.collectedWhere().strip(),
                item.collectedHow().strip(),
                sha256,
                held != null,
                held == null ? null : new EvidenceItem.HeldFile(fileNameOf(fileName), held.size(), held.sniffedType()),
                item.storageLocation().strip(),
                collector,
                null,
                null,
                now.truncatedTo(ChronoUnit.MICROS),
                CustodyEntry.GENESIS,
                0);
    }

    /** The collector's hash: required when Cairn holds no file, and when it does, the file's own if given at all. */
    private static Optional<FieldProblem> hashProblem(@Nullable String recorded, @Nullable ReceivedFile held) {
        if (held == null) {
            return EvidenceRules.sha256Problem("sha256", recorded);
        }
        if (recorded == null || recorded.isBlank()) {
            return Optional.empty();
        }
        Optional<FieldProblem> malformed = EvidenceRules.sha256Problem("sha256", recorded);
        if (malformed.isPresent()) {
            return malformed;
        }
        return EvidenceRules.normalisedSha256(recorded).equals(held.sha256())
                ? Optional.empty()
                : Optional.of(FieldProblem.of("sha256", EvidenceRefusals.HASH_DIFFERS, held.sha256()));
    }

    private Optional<FieldProblem> collectorProblem(UserId collector, IncidentId incident) {
        Optional<UserView> user = access.user(collector);
        if (user.isEmpty()) {
            return Optional.of(FieldProblem.of("collectedBy", EvidenceRefusals.NO_SUCH_USER, collector.toString()));
        }
        return access.mayHold(user.get(), incident)
                ? Optional.empty()
                : Optional.of(FieldProblem.of(
                        "collectedBy",
                        EvidenceRefusals.COLLECTOR_MAY_NOT_READ,
                        user.get().displayName()));
    }

    /** The uploaded file's name without any folders, at most 255 characters; {@code evidence} when it has none. */
    static String fileNameOf(@Nullable String name) {
        return FileNames.shown(name, "evidence");
    }
}
