package io.cairn.isms.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.isms.EvidenceItemId;
import io.cairn.isms.files.ContentTypes;
import io.cairn.isms.files.ReceivedFile;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class EvidenceRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final String HASH = "ab".repeat(32);

    static NewEvidence item(String sha256) {
        return new NewEvidence(
                "log-export",
                "Mail gateway logs of 1 December",
                "mx1.example.org",
                NOW.minusSeconds(3600),
                null,
                "Server room B",
                "journalctl export, signed",
                sha256,
                "Evidence locker 3");
    }

    static EvidenceItem stored(boolean held) {
        UserId collector = new UserId(UUID.randomUUID());
        return new EvidenceItem(
                EvidenceItemId.random(),
                IncidentId.random(),
                1,
                EvidenceKind.LOG_EXPORT,
                "Mail gateway logs",
                "mx1",
                NOW.minusSeconds(3600),
                collector,
                "Server room B",
                "journalctl",
                HASH,
                held,
                null,
                "Locker 3",
                collector,
                null,
                null,
                NOW,
                CustodyEntry.GENESIS,
                1);
    }

    @Test
    void acceptsACompleteItem() {
        assertThat(EvidenceRules.itemProblems(item(HASH), NOW)).isEmpty();
        assertThat(EvidenceRules.sha256Problem("sha256", HASH.toUpperCase())).isEmpty();
        assertThat(EvidenceRules.normalisedSha256(" " + HASH.toUpperCase() + " "))
                .isEqualTo(HASH);
    }

    @Test
    void refusesAHashThatIsNotASha256NamingTheField() {
        for (String bad : List.of("abc", HASH + "0", HASH.replace('a', 'g'), "d41d8cd98f00b204e9800998ecf8427e")) {
            assertThat(EvidenceRules.sha256Problem("sha256", bad)).get().satisfies(problem -> {
                assertThat(problem.field()).isEqualTo("sha256");
                assertThat(problem.message()).contains("64 hexadecimal digits");
            });
        }
        assertThat(EvidenceRules.sha256Problem("sha256", null).orElseThrow().message())
                .isEqualTo("is required");
    }

    @Test
    void refusesEveryMissingFactNamingEach() {
        NewEvidence empty = new NewEvidence(null, " ", null, null, null, null, null, null, null);
        assertThat(EvidenceRules.itemProblems(empty, NOW).stream().map(Refusal.FieldProblem::field))
                .containsExactly(
                        "kind",
                        "description",
                        "source",
                        "collectedAt",
                        "collectedWhere",
                        "collectedHow",
                        "storageLocation");
    }

    @Test
    void refusesACollectionInTheFutureAnUnknownKindAndControlCharacters() {
        NewEvidence odd = new NewEvidence(
                "floppy", "two\nlines are fine", "a\u0007bell", NOW.plusSeconds(60), null, "here", "dd", HASH, "safe");
        assertThat(EvidenceRules.itemProblems(odd, NOW))
                .extracting(Refusal.FieldProblem::field, Refusal.FieldProblem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "kind", "must be one of " + String.join(", ", EvidenceKind.codes())),
                        org.assertj.core.groups.Tuple.tuple("source", "must not hold control characters"),
                        org.assertj.core.groups.Tuple.tuple("collectedAt", "lies in the future"));
    }

    @Test
    void refusesATransferBeforeTheCollectionOrAheadAndWithoutPurposeOrPlace() {
        NewTransfer early = new NewTransfer(null, NOW.minusSeconds(7200), " ", null, 1);
        assertThat(EvidenceRules.transferProblems(early, NOW.minusSeconds(3600), NOW))
                .extracting(Refusal.FieldProblem::field)
                .containsExactly("at", "purpose", "storageLocation");
        NewTransfer ahead = new NewTransfer(null, NOW.plusSeconds(60), "analysis", "lab", 1);
        assertThat(EvidenceRules.transferProblems(ahead, NOW.minusSeconds(3600), NOW))
                .extracting(Refusal.FieldProblem::message)
                .containsExactly("lies in the future");
        NewTransfer now = new NewTransfer(null, null, "analysis", "lab", 1);
        assertThat(EvidenceRules.transferProblems(now, NOW.minusSeconds(3600), NOW))
                .isEmpty();
    }

    @Test
    void correctsOnlyTheFactsItMayAndOnlyToANewValidValueWithAReason() {
        EvidenceItem recorded = stored(false);
        assertThat(EvidenceRules.correctionRefusal(new NewCorrection("source", "mx2", "typo", 1), recorded, NOW))
                .isEmpty();
        assertThat(EvidenceRules.correctionRefusal(new NewCorrection("custodian", "x", "r", 1), recorded, NOW)
                        .orElseThrow()
                        .fields())
                .extracting(Refusal.FieldProblem::field)
                .containsExactly("field");
        assertThat(EvidenceRules.correctionRefusal(new NewCorrection("sha256", "xyz", "r", 1), recorded, NOW)
                        .orElseThrow()
                        .fields())
                .extracting(Refusal.FieldProblem::field)
                .containsExactly("value");
        assertThat(EvidenceRules.correctionRefusal(new NewCorrection("source", "mx1", null, 1), recorded, NOW)
                        .orElseThrow()
                        .message())
                .contains("reason: is required")
                .contains("value: is the item's value already");
        assertThat(EvidenceRules.correctionRefusal(new NewCorrection("sha256", HASH, "r", 1), stored(true), NOW)
                        .orElseThrow()
                        .message())
                .contains("cannot be corrected");
        assertThat(EvidenceRules.normalised("collectedAt", " 2026-12-01T09:30:00Z "))
                .isEqualTo("2026-12-01T09:30:00Z");
    }

    @Test
    void readsAFileThroughSha256AndRefusesOneOverTheLimitOrEmpty() {
        EvidenceFiles files = new EvidenceFiles(DataSize.ofBytes(16));
        Outcome<ReceivedFile> read =
                files.read("file", new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)));
        try (ReceivedFile abc = ((Outcome.Done<ReceivedFile>) read).value()) {
            assertThat(abc.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
            assertThat(abc.sniffedType()).isEqualTo("text/plain");
        }
        Refusal tooLarge =
                ((Outcome.Refused<ReceivedFile>) files.read("file", new ByteArrayInputStream(new byte[17]))).refusal();
        assertThat(tooLarge.kind()).isEqualTo(Refusal.Kind.TOO_LARGE);
        assertThat(tooLarge.message()).isEqualTo("file: is larger than the limit of 16 bytes");
        assertThat(((Outcome.Refused<ReceivedFile>) files.read("file", new ByteArrayInputStream(new byte[0])))
                        .refusal()
                        .message())
                .isEqualTo("file: is empty");
        assertThat(ContentTypes.sniff("EVF\t\r\n\u00ff\u0000rest".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("application/x-ewf");
    }

    @Test
    void keepsAnUploadedFileNameWithoutFoldersOrControlCharacters() {
        assertThat(EvidenceCollection.fileNameOf("C:\\Users\\x\\mail.eml")).isEqualTo("mail.eml");
        assertThat(EvidenceCollection.fileNameOf("../../etc/pass\u0000wd")).isEqualTo("passwd");
        assertThat(EvidenceCollection.fileNameOf("/")).isEqualTo("evidence");
        assertThat(EvidenceCollection.fileNameOf(null)).isEqualTo("evidence");
    }
}
