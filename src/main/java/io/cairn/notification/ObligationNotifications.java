package io.cairn.notification;

import io.cairn.compliance.ObligationWarned;
import io.cairn.identity.system.UsersForSystem;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people about regulatory deadlines: a stage of an obligation that reached a warning threshold or became
 * overdue, in their inbox and by mail in their language, in the transaction that recorded it, keyed by the notice so
 * that each person is told once.
 */
@Component
class ObligationNotifications {

    private final InboxAndMail people;
    private final UsersForSystem users;
    private final Clock clock;

    ObligationNotifications(InboxAndMail people, UsersForSystem users, Clock clock) {
        this.people = people;
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    void warned(ObligationWarned warned) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("reference", warned.reference());
        parameters.put("title", warned.title());
        parameters.put("stageEn", warned.stageName().en());
        parameters.put("stageNl", warned.stageName().nl());
        parameters.put("dueAt", NoticeTimes.utc(warned.dueAt()));
        String template = warned.verb() == ObligationWarned.Verb.OVERDUE ? "obligation-overdue" : "obligation-warning";
        people.tell(
                users.users(warned.recipients()),
                template + ":" + warned.objectId() + ":" + warned.dueAt() + ":" + warned.at(),
                template,
                parameters,
                "/incidents/" + warned.incident() + "#compliance",
                "en",
                clock.instant());
    }
}
