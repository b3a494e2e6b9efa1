package io.cairn.risks;

import io.cairn.identity.UserId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * RISK-2: a risk that is not closed is past its mitigation target, and its owner is to be reminded: on its first
 * overdue day, then again each reminder interval while it stays overdue. Recorded once per reminder.
 *
 * @param mitigationTargetAt the day by which it should have been mitigated
 * @param daysOverdue how many days after that day it is, from 1
 */
public record RiskOverdue(
        RiskId risk,
        String title,
        UserId owner,
        LocalDate mitigationTargetAt,
        long daysOverdue,
        ActorRef actor,
        Instant at)
        implements AuditableEvent {

    @Override
    public String action() {
        return "risk.overdue-reminded";
    }

    @Override
    public String objectType() {
        return "risk";
    }

    @Override
    public String objectId() {
        return risk.toString();
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
