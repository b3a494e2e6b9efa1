package io.cairn.isms.files;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.springframework.util.unit.DataSize;

/**
 * Receives uploads up to a limit: each is read once, streamed through SHA-256 into a temporary file, so that no file
 * is ever held in memory whole, and refused (its temporary file removed) as soon as it is larger than the limit, or
 * when it is empty. The refusals name the form's field and give the reasons of the module that receives.
 *
 * @param tooLarge the reason of a file over the limit; its argument is the limit in words
 * @param empty the reason of an empty file
 */
public record FileReception(DataSize limit, Refusal.Reason tooLarge, Refusal.Reason empty) {

    /** The limit in words, such as {@code 25 MB}. */
    public String limitInWords() {
        return limit.toBytes() % (1024 * 1024) == 0 ? limit.toMegabytes() + " MB" : limit.toBytes() + " bytes";
    }

    /** Reads the upload to its end, or only up to the limit when it is larger; refusals name {@code field}. */
    public Outcome<ReceivedFile> receive(String field, InputStream in) {
        Path spooled = temporaryFile();
        boolean kept = false;
        try {
            Outcome<ReceivedFile> received = spool(field, in, spooled);
            kept = received instanceof Outcome.Done;
            return received;
        } finally {
            if (!kept) {
                new ReceivedFile(spooled, 0, "", "").close();
            }
        }
    }

    private Outcome<ReceivedFile> spool(String field, InputStream in, Path spooled) {
        MessageDigest sha256 = sha256();
        byte[] head = new byte[ContentTypes.HEAD];
        int headLength = 0;
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (DigestInputStream digesting = new DigestInputStream(in, sha256);
                OutputStream out = Files.newOutputStream(spooled)) {
            for (int n = digesting.read(buffer); n >= 0; n = digesting.read(buffer)) {
                if (size + n > limit.toBytes()) {
                    return Outcome.refused(Refusal.tooLarge(field, tooLarge, limitInWords()));
                }
                int toHead = Math.min(n, head.length - headLength);
                System.arraycopy(buffer, 0, head, headLength, toHead);
                headLength += toHead;
                out.write(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
        if (size == 0) {
            return Outcome.refused(Refusal.invalid(field, empty));
        }
        return Outcome.done(new ReceivedFile(
                spooled,
                size,
                HexFormat.of().formatHex(sha256.digest()),
                ContentTypes.sniff(Arrays.copyOf(head, headLength))));
    }

    /** The SHA-256 of bytes Cairn holds, recomputed. */
    public static String sha256Of(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    private static Path temporaryFile() {
        try {
            return Files.createTempFile("cairn-upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary file for an upload", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
