package io.cairn.isms.runs;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A file attached to a step of a run: evidence of what was done, kept as it was when the step closed.
 *
 * @param fileName the file's name as given, without folders or control characters
 * @param mediaType the type its sender declared ({@code application/octet-stream} when none or not a type)
 * @param sniffedType the type its content shows, whatever was declared; downloads are always bytes to save
 * @param size its size in bytes
 * @param sha256 its SHA-256, computed by Cairn as it was stored: 64 hexadecimal digits in lower case
 * @param description what the person who attached it said of it; empty when nothing
 * @param attachedBy the name of the person who attached it
 */
public record StepAttachment(
        StepAttachmentId id,
        RunStepId step,
        String fileName,
        String mediaType,
        String sniffedType,
        long size,
        String sha256,
        @Nullable String description,
        String attachedBy,
        Instant attachedAt) {

    /** Its size for people: bytes up to a kilobyte, then kB or MB with one decimal (1 kB = 1000 bytes). */
    public String readableSize() {
        if (size < 1000) {
            return size + " B";
        }
        return size < 1_000_000
                ? String.format(java.util.Locale.ROOT, "%.1f kB", size / 1000.0)
                : String.format(java.util.Locale.ROOT, "%.1f MB", size / 1_000_000.0);
    }

    /** The first twelve digits of the SHA-256, as the pages show it beside the whole. */
    public String shortSha256() {
        return sha256.substring(0, 12);
    }
}
