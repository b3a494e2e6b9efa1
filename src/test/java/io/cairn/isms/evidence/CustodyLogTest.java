package io.cairn.isms.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.identity.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The custody log's verbs on the log itself: each entry chained to the one before by its hash, a transfer pending
 * until its receiver signs it off, custody moving only on acceptance, and a correction referring to the entry that gave
 * the value it corrects. A changed, removed or inserted entry breaks the chain.
 */
class CustodyLogTest {

    private static final Instant AT = Instant.parse("2026-12-04T10:15:30.123456789Z");
    private final UserId alice = new UserId(UUID.randomUUID());
    private final UserId bob = new UserId(UUID.randomUUID());

    private List<CustodyEntry> log() {
        List<CustodyEntry> log = new ArrayList<>();
        log.add(CustodyEntry.next(
                0,
                CustodyEntry.GENESIS,
                CustodyEntry.Kind.COLLECTED,
                AT,
                alice,
                "Alice",
                CustodyEntry.Facts.collected(AT.minusSeconds(60), alice, "Locker 3", null)));
        log.add(next(
                log,
                CustodyEntry.Kind.TRANSFER_PROPOSED,
                alice,
                CustodyEntry.Facts.transfer(AT, alice, bob, "analysis at the lab", "Lab safe 1")));
        log.add(next(log, CustodyEntry.Kind.TRANSFER_ACCEPTED, bob, CustodyEntry.Facts.answer(log.get(1), null)));
        log.add(next(
                log,
                CustodyEntry.Kind.CORRECTED,
                bob,
                CustodyEntry.Facts.correction(
                        "storageLocation",
                        "Lab safe 1",
                        "Lab safe 2",
                        "moved the same day",
                        EvidenceCorrections.givenBy(log, "storageLocation"))));
        return log;
    }

    private static CustodyEntry next(
            List<CustodyEntry> log, CustodyEntry.Kind kind, UserId actor, CustodyEntry.Facts facts) {
        CustodyEntry last = log.get(log.size() - 1);
        return CustodyEntry.next(last.seq(), last.hash(), kind, AT.plusSeconds(log.size()), actor, "Someone", facts);
    }

    @Test
    void chainsEachEntryToTheOneBeforeItFromTheGenesis() {
        List<CustodyEntry> log = log();

        assertThat(log.get(0).previousHash()).isEqualTo(CustodyEntry.GENESIS);
        assertThat(log.get(0).seq()).isEqualTo(1);
        assertThat(log.get(3).seq()).isEqualTo(4);
        for (int i = 1; i < log.size(); i++) {
            assertThat(log.get(i).previousHash()).isEqualTo(log.get(i - 1).hash());
        }
        assertThat(log).allMatch(CustodyEntry::intact);
        assertThat(EvidenceReading.intact(log, log.get(3).hash())).isTrue();
        // times as PostgreSQL keeps them, so that a log read back hashes the same
        assertThat(log.get(0).recordedAt()).isEqualTo(Instant.parse("2026-12-04T10:15:30.123456Z"));
    }

    @Test
    void aChangedRemovedOrMissingEntryBreaksTheChain() {
        List<CustodyEntry> log = log();
        CustodyEntry accepted = log.get(2);
        CustodyEntry forged = new CustodyEntry(
                accepted.id(),
                accepted.seq(),
                accepted.kind(),
                accepted.recordedAt(),
                alice,
                accepted.actorName(),
                accepted.facts(),
                accepted.previousHash(),
                accepted.hash());
        List<CustodyEntry> changed = new ArrayList<>(log);
        changed.set(2, forged);
        List<CustodyEntry> removed = new ArrayList<>(log);
        removed.remove(1);

        assertThat(forged.intact()).isFalse();
        assertThat(EvidenceReading.intact(changed, log.get(3).hash())).isFalse();
        assertThat(EvidenceReading.intact(removed, log.get(3).hash())).isFalse();
        assertThat(EvidenceReading.intact(log.subList(0, 3), log.get(3).hash())).isFalse();
    }

    @Test
    void aTransferIsPendingUntilItsReceiverSignsItOffAndOnlyAcceptanceMovesCustody() {
        List<CustodyEntry> log = log();
        CustodyEntry proposal = log.get(1);

        assertThat(proposal.answeredIn(log.subList(0, 2))).isFalse();
        assertThat(proposal.answeredIn(log)).isTrue();
        assertThat(log.get(2).facts().refersTo()).isEqualTo(proposal.id());
        assertThat(log.get(2).facts().from()).isEqualTo(alice);
        assertThat(log.get(2).facts().to()).isEqualTo(bob);

        EvidenceItem item = EvidenceRulesTest.stored(false);
        EvidenceItem pending = item.pending(proposal.id(), bob);
        assertThat(pending.custodian()).isEqualTo(item.custodian());
        assertThat(pending.pendingReceiver()).isEqualTo(bob);
        EvidenceItem handed = pending.handedTo(bob, "Lab safe 1");
        assertThat(handed.custodian()).isEqualTo(bob);
        assertThat(handed.storageLocation()).isEqualTo("Lab safe 1");
        assertThat(handed.pendingTransfer()).isNull();
    }

    @Test
    void aCorrectionRefersToTheEntryThatGaveTheValueItCorrects() {
        List<CustodyEntry> log = log();

        assertThat(log.get(3).facts().refersTo()).isEqualTo(log.get(2).id());
        assertThat(EvidenceCorrections.givenBy(log, "storageLocation"))
                .isEqualTo(log.get(3).id());
        assertThat(EvidenceCorrections.givenBy(log, "source"))
                .isEqualTo(log.get(0).id());
    }
}
