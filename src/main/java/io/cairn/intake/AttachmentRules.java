package io.cairn.intake;

import io.cairn.shared.Refusal;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What Cairn accepts as an uploaded file: not empty, not over the size limit, and not a program. The type is
 * sniffed from the content, never taken from what the sender declared: a "photo.jpg" may be a Windows program.
 */
@Component
class AttachmentRules {

    static final String EMPTY = "is empty";
    static final String PROGRAM = "is a program";
    static final String TOO_LARGE = "is larger than the limit of";

    private final DataSize limit;

    AttachmentRules(@Value("${cairn.intake.max-attachment-size:25MB}") DataSize limit) {
        this.limit = limit;
    }

    /** The limit in bytes. */
    long limitInBytes() {
        return limit.toBytes();
    }

    /** The limit in words, such as {@code 25 MB}. */
    String limit() {
        return readable(limit);
    }

    /** Why the file is refused, named by {@code field}; empty when it may be kept. */
    Optional<Refusal> refusal(String field, UploadedFile file) {
        if (file.content().length > limit.toBytes()) {
            return Optional.of(Refusal.tooLarge(field, IntakeRefusals.FILE_TOO_LARGE, readable(limit)));
        }
        if (file.content().length == 0) {
            return Optional.of(Refusal.invalid(field, IntakeRefusals.FILE_EMPTY));
        }
        String type = ContentSniffer.sniff(file.content());
        if (ContentSniffer.isProgram(type)) {
            return Optional.of(Refusal.invalid(field, IntakeRefusals.FILE_IS_PROGRAM, type));
        }
        return Optional.empty();
    }

    private static String readable(DataSize size) {
        return MailIntake.readable(size);
    }
}
