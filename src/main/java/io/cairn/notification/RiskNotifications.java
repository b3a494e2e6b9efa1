package io.cairn.notification;

import io.cairn.identity.system.UsersForSystem;
import io.cairn.risks.MaterializationProposed;
import io.cairn.risks.RiskOverdue;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the owners of risks about them: a risk past its mitigation target, on its first overdue day and then at each
 * reminder (RISK-2); a linked incident confirmed, with the proposal to mark the risk materialized (RISK-3); in their inbox and by mail in their language, in the transaction that claimed the reminder, keyed
 * by the risk and the day so that each reminder is told once.
 */
@Component
class RiskNotifications {

    private final InboxAndMail people;
    private final UsersForSystem users;
    private final Clock clock;

    RiskNotifications(InboxAndMail people, UsersForSystem users, Clock clock) {
        this.people = people;
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    void overdue(RiskOverdue overdue) {
        people.tell(
                users.users(List.of(overdue.owner())),
                "risk-overdue:" + overdue.risk() + ":" + overdue.mitigationTargetAt() + ":" + overdue.daysOverdue(),
                "risk-overdue",
                Map.of(
                        "title", overdue.title(),
                        "target", overdue.mitigationTargetAt().toString(),
                        "days", overdue.daysOverdue()),
                "/risks/" + overdue.risk(),
                "en",
                clock.instant());
    }

    @EventListener
    void proposed(MaterializationProposed proposed) {
        people.tell(
                users.users(List.of(proposed.owner())),
                "risk-materialization-proposed:" + proposed.risk() + ":" + proposed.incident(),
                "risk-materialization-proposed",
                Map.of("title", proposed.title(), "reference", proposed.reference()),
                "/risks/" + proposed.risk(),
                "en",
                clock.instant());
    }
}
