package io.cairn.compliance;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The text of a notice to the people a breach concerns, per language ({@code en}, {@code nl}): its subject and the
 * GDPR Art. 34(2) content, drafted from the stage's records until a privacy officer saves it.
 *
 * @param texts by language, the fields {@code subject}, {@code nature}, {@code likely-consequences}, {@code measures}
 *     and {@code contact-point}
 * @param version 0 until it is first saved; a save names the version it changes
 * @param frozenSha256 the SHA-256 of the text as sent, once sending started: it cannot change after
 */
public record NoticeTextView(
        Map<String, Map<String, String>> texts,
        long version,
        @Nullable String updatedByName,
        @Nullable Instant updatedAt,
        @Nullable String frozenSha256,
        boolean mayEdit) {

    public NoticeTextView {
        texts = Map.copyOf(texts);
    }

    /** A notice as a person of one language receives it, for a preview. */
    public record Preview(String language, String subject, String body) {}
}
