package io.cairn.knowledge;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** An article was written, or a new revision of it was saved. */
public record ArticleChanged(
        String slug,
        int revision,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the article. */
    public enum Verb implements AuditVerb {
        WRITTEN,
        SHIPPED,
        TRANSLATED,
        REVISED
    }

    @Override
    public String action() {
        return "knowledge-article." + verb.code();
    }

    @Override
    public String objectType() {
        return "knowledge-article";
    }

    @Override
    public String objectId() {
        return slug;
    }
}
