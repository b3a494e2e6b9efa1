package io.cairn.intake;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A file that came with a report, without its content.
 *
 * @param contentType the type sniffed from the content, which is what the file really is
 * @param declaredContentType the type the sender declared, which may lie
 * @param sha256 the SHA-256 digest of the content, as lower-case hex
 */
record AttachmentView(
        UUID id,
        String filename,
        String contentType,
        @Nullable String declaredContentType,
        long size,
        String sha256,
        Instant receivedAt) {}
