package io.cairn.intake;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** An admin added, revised, reordered, retired or restored a report template. */
public record TemplateChanged(
        String template,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the template, or to their order. */
    public enum Verb implements AuditVerb {
        ADDED,
        REVISED,
        REORDERED,
        RETIRED,
        RESTORED
    }

    @Override
    public String action() {
        return "report-template." + verb.code();
    }

    @Override
    public String objectType() {
        return "report-template";
    }

    @Override
    public String objectId() {
        return template;
    }
}
