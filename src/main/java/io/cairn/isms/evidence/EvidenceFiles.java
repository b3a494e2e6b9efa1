package io.cairn.isms.evidence;

import io.cairn.isms.files.FileReception;
import io.cairn.isms.files.ReceivedFile;
import io.cairn.shared.Outcome;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Receives the file of an evidence item ({@link FileReception}): streamed through SHA-256 as it arrives, never more
 * than the configured limit ({@code cairn.isms.evidence.max-file-size}) kept, and its type told from its first bytes,
 * never from what the sender declared.
 */
@Component
class EvidenceFiles {

    private final FileReception reception;

    EvidenceFiles(@Value("${cairn.isms.evidence.max-file-size:25MB}") DataSize limit) {
        this.reception = new FileReception(limit, EvidenceRefusals.FILE_TOO_LARGE, EvidenceRefusals.FILE_EMPTY);
    }

    /** The limit in words, such as {@code 25 MB}. */
    String limit() {
        return reception.limitInWords();
    }

    /**
     * Reads the file to its end, or only as far as the limit when it is larger; refused, named {@code field}, when it is
     * larger or empty. The caller closes the file it was given once its bytes are stored.
     */
    Outcome<ReceivedFile> read(String field, InputStream in) {
        return reception.receive(field, in);
    }
}
