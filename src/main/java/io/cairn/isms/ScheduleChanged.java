package io.cairn.isms;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * An admin or coordinator added, revised, paused, resumed or removed a schedule of a security procedure.
 *
 * @param schedule the schedule's id
 */
public record ScheduleChanged(
        String schedule,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the schedule. */
    public enum Verb implements AuditVerb {
        ADDED,
        REVISED,
        PAUSED,
        RESUMED,
        REMOVED
    }

    @Override
    public String action() {
        return "procedure-schedule." + verb.code();
    }

    @Override
    public String objectType() {
        return "procedure-schedule";
    }

    @Override
    public String objectId() {
        return schedule;
    }
}
