package io.cairn.isms;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Someone read the evidence of an ISO/IEC 27001:2022 Annex A control for a period (its page, JSON, CSV or PDF): the
 * audit trail records who read which control's evidence for which days, and in which form.
 *
 * @param control the control's number, such as {@code 5.18}
 * @param form {@code page}, {@code json}, {@code csv} or {@code pdf}
 */
public record ControlEvidenceRead(String control, LocalDate from, LocalDate to, String form, ActorRef actor, Instant at)
        implements AuditableEvent {

    @Override
    public String action() {
        return "control-evidence.read-" + form;
    }

    @Override
    public String objectType() {
        return "control";
    }

    @Override
    public String objectId() {
        return control + " " + from + ".." + to;
    }

    @Override
    public Optional<String> beforeDigest() {
        return Optional.empty();
    }

    @Override
    public Optional<String> afterDigest() {
        return Optional.empty();
    }
}
