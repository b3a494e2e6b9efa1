package io.cairn.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * This node's checkpoint log: a file outside the database to which every checkpoint is appended once, in order of
 * size, as its signed note followed by a blank line, and forced to disk. Nothing in Cairn rewrites or shortens it;
 * operators may make it append-only ({@code chattr +a}) or ship it elsewhere.
 */
@Component
class CheckpointLog {

    /**
     * One entry of the log.
     *
     * @param number its place in the log, from 1
     * @param text the entry as written
     * @param checkpoint the checkpoint it states; empty when it is not a signed checkpoint at all
     */
    record Entry(int number, String text, Optional<Checkpoint> checkpoint) {}

    private final Path file;
    private long knownLength = -1;
    private long lastSize = -1;
    private boolean endsWithSeparator = true;

    CheckpointLog(AuditSettings settings) {
        this.file = settings.checkpointLog();
    }

    Path file() {
        return file;
    }

    /** Every entry, oldest first; none when the log does not exist yet. */
    List<Entry> entries() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checkpoint log " + file, e);
        }
    }

    /** Writes the log as it is to the stream. */
    void copyTo(OutputStream out) throws IOException {
        if (Files.exists(file)) {
            Files.copy(file, out);
        }
    }

    /** The size of the largest checkpoint in the log; 0 when it has none. */
    synchronized long lastSize() {
        refresh();
        return lastSize;
    }

    /**
     * Appends the checkpoint unless the log already covers its size (a checkpoint another node signed, copied here,
     * or one this node appended before a crash); the write is on disk when this returns.
     */
    synchronized void append(Checkpoint checkpoint) {
        refresh();
        if (checkpoint.size() <= lastSize) {
            return;
        }
        String entry = (endsWithSeparator ? "" : "\n\n") + checkpoint.note() + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            boolean created = !Files.exists(file);
            try (FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(entry);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            if (created) {
                forceDirectory(file.toAbsolutePath().getParent());
            }
            knownLength = Files.size(file);
            lastSize = checkpoint.size();
            endsWithSeparator = true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to the checkpoint log " + file, e);
        }
    }

    /** Reads the log again when someone other than this object changed its length. */
    private void refresh() {
        try {
            long length = Files.exists(file) ? Files.size(file) : 0;
            if (length == knownLength) {
                return;
            }
            String text = length == 0 ? "" : Files.readString(file, StandardCharsets.UTF_8);
            lastSize = parse(text).stream()
                    .flatMap(entry -> entry.checkpoint().stream())
                    .mapToLong(Checkpoint::size)
                    .max()
                    .orElse(0);
            endsWithSeparator = text.isEmpty() || text.endsWith("\n\n");
            knownLength = length;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checkpoint log " + file, e);
        }
    }

    /**
     * Splits the log into entries: a note's text runs to its first blank line, its signature lines follow, and a
     * blank line ends the entry. A piece that does not end so, such as the tail of an interrupted write, is an entry
     * without a checkpoint.
     */
    static List<Entry> parse(String log) {
        List<Entry> entries = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inSignatures = false;
        for (String line : log.split("\n", -1)) {
            if (current.isEmpty() && line.isEmpty()) {
                continue;
            }
            if (inSignatures && !line.startsWith(SignedNote.SIGNATURE_PREFIX)) {
                entries.add(entry(entries.size() + 1, current.toString()));
                current.setLength(0);
                inSignatures = false;
                if (line.isEmpty()) {
                    continue;
                }
            }
            if (!inSignatures && line.isEmpty()) {
                inSignatures = true;
            }
            current.append(line).append('\n');
        }
        if (!current.isEmpty()) {
            entries.add(entry(entries.size() + 1, current.toString()));
        }
        return entries;
    }

    private static Entry entry(int number, String text) {
        return new Entry(number, text, SignedNote.parse(text).flatMap(Checkpoint::of));
    }

    private static void forceDirectory(@Nullable Path directory) {
        if (directory == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupportedHere) {
            // some file systems cannot open a directory; the file's own force still holds its content
        }
    }
}
