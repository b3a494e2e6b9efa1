package io.cairn.isms.evidence;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Reads the file of an evidence item: streamed through SHA-256 as it arrives, never more than the configured limit
 * ({@code cairn.isms.evidence.max-file-size}) kept, and its type told from its first bytes, never from what the sender
 * declared. Forensic formats (EWF, pcap) are told apart, so that an investigator sees what they were given.
 */
@Component
class EvidenceFiles {

    /** A file as read: its bytes, their SHA-256 and their sniffed type. */
    record Read(byte[] content, String sha256, String contentType) {}

    private record Signature(int offset, byte[] magic, String type) {}

    private static final List<Signature> SIGNATURES = List.of(
            signature(0, "EVF\t\r\n\u00ff\u0000", "application/x-ewf"),
            signature(0, "\u00d4\u00c3\u00b2\u00a1", "application/vnd.tcpdump.pcap"),
            signature(0, "\u00a1\u00b2\u00c3\u00d4", "application/vnd.tcpdump.pcap"),
            signature(0, "\n\r\r\n", "application/x-pcapng"),
            signature(0, "%PDF-", "application/pdf"),
            signature(0, "PK\u0003\u0004", "application/zip"),
            signature(0, "\u001f\u008b", "application/gzip"),
            signature(0, "7z\u00bc\u00af\u0027\u001c", "application/x-7z-compressed"),
            signature(0, "\u0089PNG\r\n\u001a\n", "image/png"),
            signature(0, "\u00ff\u00d8\u00ff", "image/jpeg"),
            signature(0, "!BDN", "application/vnd.ms-outlook-pst"),
            signature(0, "MZ", "application/vnd.microsoft.portable-executable"),
            signature(0, "\u007fELF", "application/x-elf"));

    private final DataSize limit;

    EvidenceFiles(@Value("${cairn.isms.evidence.max-file-size:25MB}") DataSize limit) {
        this.limit = limit;
    }

    /** The limit in words, such as {@code 25 MB}. */
    String limit() {
        return limit.toBytes() % (1024 * 1024) == 0 ? limit.toMegabytes() + " MB" : limit.toBytes() + " bytes";
    }

    /**
     * Reads the file to its end, or only as far as the limit when it is larger; refused, named {@code field}, when it is
     * larger or empty.
     */
    Outcome<Read> read(String field, InputStream in) {
        MessageDigest sha256 = sha256();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (DigestInputStream digesting = new DigestInputStream(in, sha256)) {
            for (int n = digesting.read(buffer); n >= 0; n = digesting.read(buffer)) {
                if (kept.size() + (long) n > limit.toBytes()) {
                    return Outcome.refused(Refusal.tooLarge(field, EvidenceRefusals.FILE_TOO_LARGE, limit()));
                }
                kept.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
        if (kept.size() == 0) {
            return Outcome.refused(Refusal.invalid(field, EvidenceRefusals.FILE_EMPTY));
        }
        byte[] content = kept.toByteArray();
        return Outcome.done(new Read(content, HexFormat.of().formatHex(sha256.digest()), sniff(content)));
    }

    /** The SHA-256 of bytes Cairn holds, recomputed. */
    static String sha256Of(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    /** The type of the content, {@code text/plain} for UTF-8 text, {@code application/octet-stream} when unknown. */
    static String sniff(byte[] content) {
        for (Signature signature : SIGNATURES) {
            int end = signature.offset() + signature.magic().length;
            if (content.length >= end
                    && Arrays.equals(
                            content, signature.offset(), end, signature.magic(), 0, signature.magic().length)) {
                return signature.type();
            }
        }
        return isText(content) ? "text/plain" : "application/octet-stream";
    }

    private static boolean isText(byte[] content) {
        int length = Math.min(content.length, 8192);
        for (int i = 0; i < length; i++) {
            int b = content[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }

    private static Signature signature(int offset, String magic, String type) {
        return new Signature(offset, magic.getBytes(StandardCharsets.ISO_8859_1), type);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
