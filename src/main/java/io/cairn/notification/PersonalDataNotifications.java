package io.cairn.notification;

import io.cairn.federation.PersonalDataBreachReceived;
import io.cairn.identity.Role;
import io.cairn.identity.system.UsersForSystem;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells this instance's privacy officers that a provider stated a personal-data breach in an incident it published
 * here: in their in-app inbox and by mail, in the transaction that received it, once per incident (the event comes
 * once per incident, and the key is the incident's).
 */
@Component
class PersonalDataNotifications {

    private final InboxAndMail people;
    private final UsersForSystem users;

    PersonalDataNotifications(InboxAndMail people, UsersForSystem users) {
        this.people = people;
        this.users = users;
    }

    @EventListener
    void received(PersonalDataBreachReceived breach) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("reference", breach.reference());
        parameters.put("title", breach.title());
        parameters.put("provider", breach.provider());
        parameters.put("awareAt", breach.awareAt() == null ? "" : NoticeTimes.utc(breach.awareAt()));
        parameters.put("categories", String.join(", ", breach.categories()));
        parameters.put("subjects", breach.subjects());
        parameters.put("records", breach.records());
        people.tell(
                users.usersWithRole(Role.PRIVACY_OFFICER),
                "personal-data-received:" + breach.incident(),
                "personal-data-received",
                parameters,
                "/incidents/" + breach.incident(),
                "en",
                breach.at());
    }
}
