package io.cairn.intake;

import org.jspecify.annotations.Nullable;

/**
 * A file someone uploaded with a report or to an incident, before Cairn checked and kept it.
 *
 * @param filename the name the sender gave it, without any folder
 * @param declaredType the type the sender declared, which may lie; Cairn sniffs the real one from the content
 */
record UploadedFile(String filename, @Nullable String declaredType, byte[] content) {

    UploadedFile {
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        filename = name.isEmpty() ? "file" : name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
