package io.cairn.assets;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** A device was registered, handed over or retired. */
public record DeviceChanged(
        DeviceId device,
        ActorRef actor,
        Instant at,
        Verb verb,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What happened to the device. */
    public enum Verb implements AuditVerb {
        REGISTERED,
        HANDED_OVER,
        UPDATED
    }

    @Override
    public String action() {
        return "device." + verb.code();
    }

    @Override
    public String objectType() {
        return "device";
    }

    @Override
    public String objectId() {
        return device.toString();
    }
}
