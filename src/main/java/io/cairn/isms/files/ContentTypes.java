package io.cairn.isms.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Tells a file's type from its first bytes, never from what its sender declared. Forensic formats (EWF, pcap) are told
 * apart, so that an investigator sees what they were given.
 */
public final class ContentTypes {

    /** How many of a file's first bytes the sniffing reads. */
    static final int HEAD = 8192;

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

    private ContentTypes() {}

    /**
     * The type of a file whose first bytes (up to {@value #HEAD}) these are: {@code text/plain} for text,
     * {@code application/octet-stream} when unknown.
     */
    public static String sniff(byte[] head) {
        for (Signature signature : SIGNATURES) {
            int end = signature.offset() + signature.magic().length;
            if (head.length >= end
                    && Arrays.equals(head, signature.offset(), end, signature.magic(), 0, signature.magic().length)) {
                return signature.type();
            }
        }
        return isText(head) ? "text/plain" : "application/octet-stream";
    }

    private static boolean isText(byte[] head) {
        int length = Math.min(head.length, HEAD);
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }

    private static Signature signature(int offset, String magic, String type) {
        return new Signature(offset, magic.getBytes(StandardCharsets.ISO_8859_1), type);
    }
}
