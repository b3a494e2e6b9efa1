package io.cairn.isms.evidence;

import io.cairn.identity.Actor;
import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.isms.EvidenceItemId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads evidence for those who may read it: an incident's items, one item with its log, the file Cairn holds, and the
 * items awaiting the signed-in user's sign-off. Each view says whether its log's chain of hashes is intact.
 */
@Component
class EvidenceReading {

    /** A file Cairn holds, to download. */
    record HeldContent(String fileName, String contentType, String sha256, byte[] content) {}

    private final EvidenceAccess access;
    private final EvidenceStore store;

    EvidenceReading(EvidenceAccess access, EvidenceStore store) {
        this.access = access;
        this.store = store;
    }

    @Transactional(readOnly = true)
    Outcome<List<EvidenceView>> ofIncident(IncidentId incident) {
        Actor actor = access.actor();
        Optional<Refusal> hidden = access.readRefusal(actor, incident);
        if (hidden.isPresent()) {
            return Outcome.refused(hidden.get());
        }
        String reference = reference(incident);
        return Outcome.done(store.ofIncident(incident).stream()
                .map(item -> view(item, reference))
                .toList());
    }

    @Transactional(readOnly = true)
    Outcome<EvidenceView> one(EvidenceItemId id) {
        return readable(id).map(item -> view(item, reference(item.incident())));
    }

    @Transactional(readOnly = true)
    Outcome<HeldContent> content(EvidenceItemId id) {
        return readable(id).flatMap(item -> {
            EvidenceItem.HeldFile file = item.file();
            Optional<byte[]> content = file == null ? Optional.empty() : store.content(id);
            if (file == null || content.isEmpty()) {
                return Outcome.refused(Refusal.notFound("the file of evidence item " + id));
            }
            return Outcome.done(new HeldContent(file.name(), file.contentType(), item.sha256(), content.get()));
        });
    }

    /** The items whose transfer awaits the signed-in user's sign-off, as long as they may read them. */
    @Transactional(readOnly = true)
    List<EvidenceView> awaitingMe() {
        Actor actor = access.actor();
        return store.awaiting(actor.id()).stream()
                .filter(item -> access.reads(actor, item.incident()))
                .map(item -> view(item, reference(item.incident())))
                .toList();
    }

    /**
     * What the signed-in user may do with an incident's evidence, or with one item of it; {@code readsAudit}: whether
     * they read the audit trail, where each entry of a log is a record.
     */
    record Rights(boolean collects, boolean records, boolean handsOver, boolean signsOff, boolean readsAudit) {}

    @Transactional(readOnly = true)
    Rights rights(IncidentId incident, @Nullable EvidenceView item) {
        Actor actor = access.actor();
        boolean handles = access.handles(actor, incident);
        boolean auditor = actor.has(io.cairn.identity.Role.AUDITOR);
        if (item == null) {
            return new Rights(handles, false, false, false, auditor);
        }
        boolean custodian = item.custodian().id().equals(actor.id());
        boolean receiver = item.pendingTransfer() != null
                && item.pendingTransfer().to().id().equals(actor.id());
        return new Rights(handles, handles || custodian, custodian, receiver, auditor);
    }

    /** The incident's reference and title, for an incident whose evidence the user was allowed to read. */
    @Transactional(readOnly = true)
    Optional<String> incidentTitle(IncidentId incident) {
        return access.incident(incident).map(found -> found.reference() + " " + found.title());
    }

    private Outcome<EvidenceItem> readable(EvidenceItemId id) {
        Actor actor = access.actor();
        return store.find(id)
                .filter(item -> access.reads(actor, item.incident()))
                .map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("evidence item " + id)));
    }

    private String reference(IncidentId incident) {
        return access.incident(incident).map(found -> found.reference()).orElse("");
    }

    private EvidenceView view(EvidenceItem item, String reference) {
        List<CustodyEntry> log = store.log(item.id());
        Set<UserId> people = new HashSet<>(List.of(item.collectedBy(), item.custodian()));
        log.forEach(entry -> {
            people.add(entry.actor());
            Optional.ofNullable(entry.facts().from()).ifPresent(people::add);
            Optional.ofNullable(entry.facts().to()).ifPresent(people::add);
        });
        Map<UserId, String> names = access.names(people);
        return EvidenceViews.of(item, reference, log, names);
    }

    /** Whether each entry's hash is that of its content after the entry before, and the last is the item's head. */
    static boolean intact(List<CustodyEntry> log, String head) {
        String before = CustodyEntry.GENESIS;
        List<CustodyEntry> ordered = new ArrayList<>(log);
        for (CustodyEntry entry : ordered) {
            if (!entry.previousHash().equals(before) || !entry.intact()) {
                return false;
            }
            before = entry.hash();
        }
        return before.equals(head);
    }
}
