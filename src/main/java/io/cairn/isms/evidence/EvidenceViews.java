package io.cairn.isms.evidence;

import io.cairn.identity.UserId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Evidence items and their logs as views, with the names of the people in them. */
final class EvidenceViews {

    private EvidenceViews() {}

    static EvidenceView of(EvidenceItem item, String reference, List<CustodyEntry> log, Map<UserId, String> names) {
        EvidenceItem.HeldFile file = item.file();
        List<EvidenceView.EntryView> entries =
                log.stream().map(entry -> entry(entry, names)).toList();
        return new EvidenceView(
                item.id(),
                item.incident(),
                reference,
                item.label(),
                item.kind().code(),
                item.description(),
                item.source(),
                item.collectedAt(),
                person(item.collectedBy(), names),
                item.collectedWhere(),
                item.collectedHow(),
                item.sha256(),
                item.held(),
                file == null ? null : new EvidenceView.FileView(file.name(), file.size(), file.contentType()),
                item.storageLocation(),
                person(item.custodian(), names),
                pending(item.pendingTransfer(), log, names),
                item.recordedAt(),
                item.headHash(),
                EvidenceReading.intact(log, item.headHash()),
                item.version(),
                entries);
    }

    private static EvidenceView.@Nullable PendingTransfer pending(
            @Nullable UUID transfer, List<CustodyEntry> log, Map<UserId, String> names) {
        if (transfer == null) {
            return null;
        }
        return log.stream()
                .filter(entry -> entry.id().equals(transfer))
                .findFirst()
                .map(proposal -> pendingOf(proposal, names))
                .orElse(null);
    }

    @SuppressWarnings("NullAway") // a proposal names both sides, its time, purpose and place
    private static EvidenceView.PendingTransfer pendingOf(CustodyEntry proposal, Map<UserId, String> names) {
        CustodyEntry.Facts facts = proposal.facts();
        return new EvidenceView.PendingTransfer(
                proposal.id(),
                person(facts.from(), names),
                person(facts.to(), names),
                facts.occurredAt(),
                facts.purpose(),
                facts.location(),
                proposal.recordedAt());
    }

    private static EvidenceView.EntryView entry(CustodyEntry entry, Map<UserId, String> names) {
        CustodyEntry.Facts facts = entry.facts();
        return new EvidenceView.EntryView(
                entry.id(),
                entry.seq(),
                entry.kind().code(),
                entry.recordedAt(),
                new EvidenceView.Person(entry.actor(), entry.actorName()),
                facts.occurredAt(),
                facts.from() == null ? null : person(facts.from(), names),
                facts.to() == null ? null : person(facts.to(), names),
                facts.purpose(),
                facts.location(),
                facts.reason(),
                facts.field(),
                facts.oldValue(),
                facts.newValue(),
                facts.refersTo(),
                facts.result(),
                facts.computedSha256(),
                entry.previousHash(),
                entry.hash());
    }

    private static EvidenceView.Person person(UserId id, Map<UserId, String> names) {
        return new EvidenceView.Person(id, names.getOrDefault(id, id.toString()));
    }
}
