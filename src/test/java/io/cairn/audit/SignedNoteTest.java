package io.cairn.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Signed notes and checkpoints are the C2SP formats byte for byte: checked against the example key and note of Go's
 * reference implementation ({@code golang.org/x/mod/sumdb/note}), which every other implementation reproduces.
 */
class SignedNoteTest {

    private static final String SIGNER_KEY =
            "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String NOTE = TEXT + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void signsTheReferenceNoteExactlyAsGoDoes() {
        NoteSigner signer = NoteSigner.parse(SIGNER_KEY).orElseThrow();

        assertThat(signer.verifierKey().encoded()).isEqualTo(VERIFIER_KEY);
        assertThat(signer.encoded()).isEqualTo(SIGNER_KEY);
        assertThat(signer.sign(TEXT).render()).isEqualTo(NOTE);
    }

    @Test
    void verifiesTheReferenceNoteAndRefusesAlteredOnes() {
        VerifierKey key = VerifierKey.parse(VERIFIER_KEY).orElseThrow();
        SignedNote note = SignedNote.parse(NOTE).orElseThrow();

        assertThat(note.text()).isEqualTo(TEXT);
        assertThat(key.check(note)).isEqualTo(VerifierKey.Check.SIGNED);
        SignedNote altered =
                SignedNote.parse(NOTE.replace("problem is", "problem was")).orElseThrow();
        assertThat(key.check(altered)).isEqualTo(VerifierKey.Check.BAD_SIGNATURE);
        SignedNote byAnother = NoteSigner.generate("PeterNeumann").sign(TEXT);
        assertThat(key.check(byAnother))
                .as("same name, other key: not ours, ignored")
                .isEqualTo(VerifierKey.Check.NOT_SIGNED);
        assertThat(key.check(note.with(byAnother.signatures().get(0))))
                .as("another key's line beside ours")
                .isEqualTo(VerifierKey.Check.SIGNED);
    }

    @Test
    void refusesTextsThatAreNotSignedNotes() {
        assertThat(SignedNote.parse(TEXT)).as("no signatures").isEmpty();
        assertThat(SignedNote.parse(NOTE.replace("\u2014", "--")))
                .as("no em dash")
                .isEmpty();
        assertThat(SignedNote.parse(NOTE.substring(0, NOTE.length() - 1)))
                .as("no final newline")
                .isEmpty();
        assertThat(SignedNote.parse(NOTE.replace("your problem,", "your\tproblem,")))
                .as("a tab")
                .isEmpty();
        assertThat(SignedNote.parse(TEXT + "\n\u2014 PeterNeumann not-base64!\n"))
                .isEmpty();
        assertThat(VerifierKey.parse(VERIFIER_KEY.replace("c74f20a3", "c74f20a4")))
                .as("wrong key ID")
                .isEmpty();
        assertThat(NoteSigner.parse(SIGNER_KEY.replace("AYEK", "AZEK")))
                .as("seed of another key")
                .isEmpty();
    }

    @Test
    void aCheckpointIsTheC2spTextOfOriginSizeAndRoot() {
        NoteSigner signer = NoteSigner.generate("cairn.example/audit");
        byte[] root = MerkleTree.emptyRoot();
        SignedNote note = signer.sign(Checkpoint.text("cairn.example/audit", 20852163, root));

        assertThat(note.text())
                .isEqualTo("cairn.example/audit\n20852163\n" + "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
        assertThat(note.render()).startsWith(note.text() + "\n\u2014 cairn.example/audit ");
        Checkpoint checkpoint =
                Checkpoint.of(SignedNote.parse(note.render()).orElseThrow()).orElseThrow();
        assertThat(checkpoint.size()).isEqualTo(20852163);
        assertThat(checkpoint.root()).isEqualTo(root);
        assertThat(Base64.getDecoder().decode(note.signatures().get(0).base64()))
                .hasSize(4 + 64);
        assertThat(signer.verifierKey().check(note)).isEqualTo(VerifierKey.Check.SIGNED);
        assertThat(Checkpoint.of(signer.sign("cairn.example/audit\n007\n" + checkpoint.rootHash() + "\n")))
                .as("a size with a leading zero")
                .isEmpty();
    }
}
