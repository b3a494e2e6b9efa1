package io.cairn.notification;

import io.cairn.identity.system.UsersForSystem;
import io.cairn.risks.RiskOverdue;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the owners of risks about them (RISK-2): a risk past its mitigation target, on its first overdue day and then
 * at each reminder, in their inbox and by mail in their language, in the transaction that claimed the reminder, keyed
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
}
