package io.cairn.isms.files;

import org.jspecify.annotations.Nullable;

/** The name a received file is kept under: as its sender gave it, less any folders and control characters. */
public final class FileNames {

    /** The longest name kept; a longer one keeps its end, where its extension is. */
    static final int MAX = 255;

    private FileNames() {}

    /** The uploaded file's name without any folders, at most 255 characters; {@code fallback} when it has none. */
    public static String shown(@Nullable String name, String fallback) {
        if (name == null) {
            return fallback;
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (last.isEmpty()) {
            return fallback;
        }
        return last.length() > MAX ? last.substring(last.length() - MAX) : last;
    }
}
