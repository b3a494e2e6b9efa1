package io.cairn.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Tells a file's type from its first bytes rather than from what the sender declared: a handler must know that an
 * "invoice.pdf" is really a Windows program.
 */
final class ContentSniffer {

    private ContentSniffer() {}

    private record Signature(int offset, byte[] magic, String type) {
        boolean matches(byte[] content) {
            return content.length >= offset + magic.length
                    && Arrays.equals(content, offset, offset + magic.length, magic, 0, magic.length);
        }
    }

    private static final String MACH_O = "application/x-mach-binary";

    /** The sniffed types that are programs a computer could run. */
    private static final java.util.Set<String> PROGRAMS = java.util.Set.of(
            "application/vnd.microsoft.portable-executable", "application/x-elf", MACH_O, "text/x-script");

    private static final Signature[] SIGNATURES = {
        signature(0, "%PDF-", "application/pdf"),
        signature(0, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a}, "image/png"),
        signature(0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, "image/jpeg"),
        signature(0, "GIF87a", "image/gif"),
        signature(0, "GIF89a", "image/gif"),
        signature(8, "WEBP", "image/webp"),
        signature(0, "BM", "image/bmp"),
        signature(0, new byte[] {'P', 'K', 3, 4}, "application/zip"),
        signature(0, new byte[] {'P', 'K', 5, 6}, "application/zip"),
        signature(0, new byte[] {0x1f, (byte) 0x8b}, "application/gzip"),
        signature(0, "7z\u00bc\u00af\u0027\u001c", "application/x-7z-compressed"),
        signature(0, "Rar!\u001a\u0007", "application/vnd.rar"),
        signature(
                0,
                new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1},
                "application/x-ole-storage"),
        signature(0, "MZ", "application/vnd.microsoft.portable-executable"),
        signature(0, new byte[] {0x7f, 'E', 'L', 'F'}, "application/x-elf"),
        signature(0, new byte[] {(byte) 0xfe, (byte) 0xed, (byte) 0xfa, (byte) 0xce}, MACH_O),
        signature(0, new byte[] {(byte) 0xfe, (byte) 0xed, (byte) 0xfa, (byte) 0xcf}, MACH_O),
        signature(0, new byte[] {(byte) 0xce, (byte) 0xfa, (byte) 0xed, (byte) 0xfe}, MACH_O),
        signature(0, new byte[] {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe}, MACH_O),
        // universal Mach-O binaries and Java classes share this magic; both are programs
        signature(0, new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe}, MACH_O),
        signature(0, "#!", "text/x-script"),
        signature(0, "{\\rtf", "application/rtf"),
        signature(0, "<?xml", "application/xml"),
    };

    /** Whether a sniffed type is a program: a Windows, Linux or macOS executable, or a script with a shebang. */
    static boolean isProgram(String sniffedType) {
        return PROGRAMS.contains(sniffedType);
    }

    /** The type of the content, {@code application/octet-stream} when nothing fits. */
    static String sniff(byte[] content) {
        for (Signature signature : SIGNATURES) {
            if (signature.matches(content)) {
                return signature.type();
            }
        }
        if (looksLikeMail(content)) {
            return "message/rfc822";
        }
        if (looksLikeHtml(content)) {
            return "text/html";
        }
        return isText(content) ? "text/plain" : "application/octet-stream";
    }

    private static Signature signature(int offset, String magic, String type) {
        return new Signature(offset, magic.getBytes(StandardCharsets.ISO_8859_1), type);
    }

    private static Signature signature(int offset, byte[] magic, String type) {
        return new Signature(offset, magic, type);
    }

    private static String head(byte[] content) {
        return new String(content, 0, Math.min(content.length, 512), StandardCharsets.ISO_8859_1)
                .stripLeading()
                .toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean looksLikeHtml(byte[] content) {
        String head = head(content);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    private static boolean looksLikeMail(byte[] content) {
        String head = head(content);
        return isText(content)
                && head.matches("(?s)[a-z][a-z0-9-]*:[^\\n]*\\n.*")
                && (head.startsWith("from:") || head.contains("\nfrom:") || head.contains("\nsubject:"));
    }

    /** Valid UTF-8 without control characters other than tabs and line breaks. */
    private static boolean isText(byte[] content) {
        int length = Math.min(content.length, 8192);
        for (int i = 0; i < length; i++) {
            int b = content[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, 0, utf8Boundary(content, length)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Where to cut so that a sample does not end in the middle of a UTF-8 sequence. */
    private static int utf8Boundary(byte[] content, int length) {
        int end = length;
        while (end > 0 && end < content.length && (content[end] & 0xc0) == 0x80 && length - end < 4) {
            end--;
        }
        return end;
    }
}
