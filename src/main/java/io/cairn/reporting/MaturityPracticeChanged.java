package io.cairn.reporting;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** An admin recorded a practice of the maturity model with its evidence, or withdrew that record. */
public record MaturityPracticeChanged(
        String practice,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the practice's record. */
    public enum Verb implements AuditVerb {
        RECORDED,
        WITHDRAWN
    }

    @Override
    public String action() {
        return "maturity-practice." + verb.code();
    }

    @Override
    public String objectType() {
        return "maturity-practice";
    }

    @Override
    public String objectId() {
        return practice;
    }
}
