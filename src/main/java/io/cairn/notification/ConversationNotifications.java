package io.cairn.notification;

import io.cairn.identity.Role;
import io.cairn.identity.UserView;
import io.cairn.identity.system.UsersForSystem;
import io.cairn.incidents.ReporterAnswered;
import io.cairn.incidents.ReporterAsked;
import io.cairn.intake.system.ReporterContact;
import io.cairn.intake.system.ReporterContacts;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the reporter when the handlers ask them a question, and the handlers when the reporter answers, in the
 * transaction that kept the question or the answer. The reporter gets a message in their in-app inbox and a mail with
 * the question and the link to their report page; a reporter without an account who reported by mail gets the mail
 * with the link to the follow-up page (never their code), and one who reported on the web without an account is not
 * reachable: they see the question when they follow up with their code. An answer goes to the incident's owner, to
 * its team's handlers while nobody owns it, and to the coordinators while it has neither; the mail does not carry the
 * answer, which may hold what only those who may see the incident should read.
 */
@Component
class ConversationNotifications {

    static final String ASKED = "reporter-asked";
    static final String ANSWERED = "reporter-answered";

    private final InboxAndMail people;
    private final UsersForSystem users;
    private final ReporterContacts contacts;
    private final Clock clock;

    ConversationNotifications(InboxAndMail people, UsersForSystem users, ReporterContacts contacts, Clock clock) {
        this.people = people;
        this.users = users;
        this.contacts = contacts;
        this.clock = clock;
    }

    @EventListener
    void asked(ReporterAsked asked) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("reference", asked.reference());
        parameters.put("title", asked.title());
        parameters.put("question", asked.question());
        String key = ASKED + ":" + asked.incident() + ":" + asked.entry();
        ReporterContact contact = contacts.contactOf(asked.incident());
        String reportedIn = contact.language() == null ? "en" : contact.language();
        if (asked.reporter() != null) {
            parameters.put("byCode", false);
            people.tell(
                    users.users(List.of(asked.reporter())),
                    key,
                    ASKED,
                    parameters,
                    "/reports/" + asked.incident(),
                    reportedIn,
                    clock.instant());
        } else if (contact.anonymousAddress() != null) {
            parameters.put("byCode", true);
            parameters.put("link", people.link("/follow-up"));
            people.mail(
                    contact.anonymousAddress(),
                    key + ":" + contact.anonymousAddress(),
                    ASKED,
                    reportedIn,
                    parameters,
                    clock.instant());
        }
    }

    @EventListener
    void answered(ReporterAnswered answered) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("reference", answered.reference());
        parameters.put("title", answered.title());
        List<Supplier<List<UserView>>> inTurn = List.of(
                () -> answered.owner() == null ? List.of() : users.users(List.of(answered.owner())),
                () -> answered.team() == null
                        ? List.of()
                        : users.members(answered.team()).stream()
                                .filter(member -> member.roles().contains(Role.HANDLER)
                                        || member.roles().contains(Role.COORDINATOR))
                                .toList(),
                () -> users.usersWithRole(Role.COORDINATOR));
        String answeredBy = answered.actor().id();
        List<UserView> told = inTurn.stream()
                .map(candidates -> candidates.get().stream()
                        .filter(person ->
                                person.enabled() && !person.id().toString().equals(answeredBy))
                        .toList())
                .filter(candidates -> !candidates.isEmpty())
                .findFirst()
                .orElse(List.of());
        people.tell(
                told,
                ANSWERED + ":" + answered.incident() + ":" + answered.entry(),
                ANSWERED,
                parameters,
                "/incidents/" + answered.incident(),
                "en",
                clock.instant());
    }
}
