package io.cairn.isms.evidence;

import io.cairn.identity.Actor;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.isms.EvidenceItemId;
import io.cairn.isms.EvidenceTransferAccepted;
import io.cairn.isms.EvidenceTransferDeclined;
import io.cairn.isms.EvidenceTransferProposed;
import io.cairn.isms.EvidenceTransferWithdrawn;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.Refusal.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands evidence over, signed off by both sides: the custodian proposes a transfer to a Cairn user who may read the
 * incident's evidence (when, why, where it will be kept), on the item's version they saw; the receiver accepts it,
 * and only then holds the item, or declines it with a reason. One transfer of an item is pending at a time. Each step
 * is an entry of the log and a record of the audit trail: who signed what, when.
 */
@Component
class CustodyTransfers {

    private final EvidenceAccess access;
    private final EvidenceStore store;
    private final CustodyLogs logs;
    private final Clock clock;

    CustodyTransfers(EvidenceAccess access, EvidenceStore store, CustodyLogs logs, Clock clock) {
        this.access = access;
        this.store = store;
        this.logs = logs;
        this.clock = clock;
    }

    /** The custodian proposes to hand the item over. */
    @Transactional
    Outcome<UUID> propose(EvidenceItemId id, NewTransfer transfer) {
        Actor actor = access.actor();
        Optional<EvidenceItem> found = store.lock(id).filter(item -> access.reads(actor, item.incident()));
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("evidence item " + id));
        }
        EvidenceItem item = found.get();
        if (!item.custodian().equals(actor.id())) {
            return Outcome.refused(
                    Refusal.forbidden(EvidenceRefusals.ONLY_CUSTODIAN_HANDS_OVER, access.name(item.custodian())));
        }
        if (transfer.version() != item.version()) {
            return Outcome.refused(Refusal.stale(transfer.version(), item.version()));
        }
        Instant now = clock.instant();
        Optional<Refusal> refused = refusal(item, transfer, actor, now);
        if (refused.isPresent()) {
            return Outcome.refused(refused.get());
        }
        UserId to = java.util.Objects.requireNonNull(transfer.to(), "checked present by refusal");
        Instant at = transfer.at() == null ? now : transfer.at();
        CustodyEntry proposal = logs.append(
                item,
                entry -> item.pending(entry.id(), to),
                CustodyEntry.Kind.TRANSFER_PROPOSED,
                actor,
                now,
                CustodyEntry.Facts.transfer(
                        at, actor.id(), to, strip(transfer.purpose()), strip(transfer.storageLocation())),
                entry -> proposed(item, actor, to, entry));
        return Outcome.done(proposal.id());
    }

    private EvidenceTransferProposed proposed(EvidenceItem item, Actor actor, UserId to, CustodyEntry entry) {
        String incident =
                access.incident(item.incident()).map(found -> found.reference()).orElse("");
        return new EvidenceTransferProposed(
                item.id(),
                item.incident(),
                actor.ref(),
                entry.recordedAt(),
                actor.id(),
                to,
                entry.id(),
                incident + " " + item.label(),
                entry.previousHash(),
                entry.hash());
    }

    /** The receiver signs the transfer off: they hold the item now, kept where the proposal said. */
    @Transactional
    Outcome<UUID> accept(EvidenceItemId id, UUID transfer) {
        Actor actor = access.actor();
        return proposal(id, transfer, actor).flatMap(pending -> {
            CustodyEntry.Facts asked = pending.proposal().facts();
            @SuppressWarnings("NullAway") // a proposal names both sides and the place
            EvidenceItem after = pending.item().handedTo(asked.to(), asked.location());
            CustodyEntry accepted = logs.append(
                    pending.item(),
                    entry -> after,
                    CustodyEntry.Kind.TRANSFER_ACCEPTED,
                    actor,
                    clock.instant(),
                    CustodyEntry.Facts.answer(pending.proposal(), null),
                    entry -> new EvidenceTransferAccepted(
                            id,
                            pending.item().incident(),
                            actor.ref(),
                            entry.recordedAt(),
                            pending.item().custodian(),
                            actor.id(),
                            transfer,
                            entry.previousHash(),
                            entry.hash()));
            return Outcome.done(accepted.id());
        });
    }

    /** The receiver declines the transfer, saying why; the custodian keeps the item. */
    @Transactional
    Outcome<UUID> decline(EvidenceItemId id, UUID transfer, @Nullable String reason) {
        Actor actor = access.actor();
        return proposal(id, transfer, actor).flatMap(pending -> {
            Optional<FieldProblem> problem = EvidenceRules.text("reason", reason, EvidenceRules.TEXT_LENGTH, false);
            if (problem.isPresent()) {
                return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, List.of(problem.get())));
            }
            CustodyEntry declined = logs.append(
                    pending.item(),
                    entry -> pending.item().pending(null, null),
                    CustodyEntry.Kind.TRANSFER_DECLINED,
                    actor,
                    clock.instant(),
                    CustodyEntry.Facts.answer(pending.proposal(), strip(reason)),
                    entry -> new EvidenceTransferDeclined(
                            id,
                            pending.item().incident(),
                            actor.ref(),
                            entry.recordedAt(),
                            pending.item().custodian(),
                            actor.id(),
                            transfer,
                            entry.previousHash(),
                            entry.hash()));
            return Outcome.done(declined.id());
        });
    }

    /** The custodian withdraws the transfer they proposed, saying why, before its receiver signs it off. */
    @Transactional
    Outcome<UUID> withdraw(EvidenceItemId id, UUID transfer, @Nullable String reason) {
        Actor actor = access.actor();
        Optional<EvidenceItem> item = store.lock(id).filter(found -> access.reads(actor, found.incident()));
        Optional<CustodyEntry> proposal = item.flatMap(found -> proposalIn(found, transfer));
        if (item.isEmpty() || proposal.isEmpty()) {
            return Outcome.refused(Refusal.notFound("transfer " + transfer + " of evidence item " + id));
        }
        EvidenceItem held = item.get();
        if (!held.custodian().equals(actor.id())) {
            return Outcome.refused(
                    Refusal.forbidden(EvidenceRefusals.ONLY_CUSTODIAN_HANDS_OVER, access.name(held.custodian())));
        }
        if (!transfer.equals(held.pendingTransfer())) {
            return Outcome.refused(Refusal.conflict(EvidenceRefusals.NOT_PENDING));
        }
        Optional<FieldProblem> problem = EvidenceRules.text("reason", reason, EvidenceRules.TEXT_LENGTH, false);
        if (problem.isPresent()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, List.of(problem.get())));
        }
        UserId to = java.util.Objects.requireNonNull(proposal.get().facts().to(), "a proposal names its receiver");
        CustodyEntry withdrawn = logs.append(
                held,
                entry -> held.pending(null, null),
                CustodyEntry.Kind.TRANSFER_WITHDRAWN,
                actor,
                clock.instant(),
                CustodyEntry.Facts.answer(proposal.get(), strip(reason)),
                entry -> new EvidenceTransferWithdrawn(
                        id,
                        held.incident(),
                        actor.ref(),
                        entry.recordedAt(),
                        actor.id(),
                        to,
                        transfer,
                        entry.previousHash(),
                        entry.hash()));
        return Outcome.done(withdrawn.id());
    }

    private record Pending(EvidenceItem item, CustodyEntry proposal) {}

    /**
     * The transfer awaiting this receiver's sign-off, its item locked. To anyone but its receiver it does not exist;
     * to its receiver, one already signed off is no longer pending.
     */
    private Outcome<Pending> proposal(EvidenceItemId id, UUID transfer, Actor actor) {
        Optional<EvidenceItem> item = store.lock(id).filter(found -> access.reads(actor, found.incident()));
        Optional<CustodyEntry> proposal = item.flatMap(found -> proposalIn(found, transfer))
                .filter(entry -> actor.id().equals(entry.facts().to()));
        if (item.isEmpty() || proposal.isEmpty()) {
            return Outcome.refused(Refusal.notFound("transfer " + transfer + " of evidence item " + id));
        }
        if (!transfer.equals(item.get().pendingTransfer())) {
            return Outcome.refused(Refusal.conflict(EvidenceRefusals.NOT_PENDING));
        }
        return Outcome.done(new Pending(item.get(), proposal.get()));
    }

    /** The proposal of this id in the item's log. */
    private Optional<CustodyEntry> proposalIn(EvidenceItem item, UUID transfer) {
        return store.log(item.id()).stream()
                .filter(entry -> entry.id().equals(transfer))
                .filter(entry -> entry.kind() == CustodyEntry.Kind.TRANSFER_PROPOSED)
                .findFirst();
    }

    /** Why the transfer may not be proposed: its receiver, its time, purpose or place, or one pending already. */
    private Optional<Refusal> refusal(EvidenceItem item, NewTransfer transfer, Actor actor, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        receiverProblem(item, transfer.to(), actor).ifPresent(problems::add);
        problems.addAll(EvidenceRules.transferProblems(transfer, item.collectedAt(), now));
        if (!problems.isEmpty()) {
            return Optional.of(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        UserId waiting = item.pendingReceiver();
        if (waiting != null) {
            return Optional.of(Refusal.conflict("to", EvidenceRefusals.TRANSFER_PENDING, access.name(waiting)));
        }
        return Optional.empty();
    }

    private Optional<FieldProblem> receiverProblem(EvidenceItem item, @Nullable UserId to, Actor actor) {
        if (to == null) {
            return Optional.of(FieldProblem.of("to", EvidenceRefusals.NO_RECEIVER));
        }
        if (to.equals(actor.id())) {
            return Optional.of(FieldProblem.of("to", EvidenceRefusals.TO_ONESELF));
        }
        Optional<UserView> receiver = access.user(to);
        if (receiver.isEmpty()) {
            return Optional.of(FieldProblem.of("to", EvidenceRefusals.NO_SUCH_USER, to.toString()));
        }
        return access.mayHold(receiver.get(), item.incident())
                ? Optional.empty()
                : Optional.of(FieldProblem.of(
                        "to",
                        EvidenceRefusals.RECEIVER_MAY_NOT_READ,
                        receiver.get().displayName()));
    }

    @SuppressWarnings("NullAway") // only for texts the rules found present
    private static String strip(@Nullable String text) {
        return text.strip();
    }
}
