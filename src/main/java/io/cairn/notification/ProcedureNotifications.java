package io.cairn.notification;

import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.identity.system.UsersForSystem;
import io.cairn.isms.ProcedureStepAssigned;
import io.cairn.isms.ProcedureWorkOverdue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people about the steps of security procedures, in their inbox and by mail in their language, in the
 * transaction of the change: a step opened for them (its team's members, the person named to approve it, or the run's
 * owner), a step overdue (them and the owner), a run overdue (its owner, escalated to the coordinators). The mails give
 * the run's reference and no link: a procedure's step may be a request to reset an account or revoke a badge, and the
 * people who get it are told to open Cairn themselves, so that a mail imitating Cairn's gets them nowhere.
 */
@Component
class ProcedureNotifications {

    private final InboxAndMail people;
    private final UsersForSystem users;

    ProcedureNotifications(InboxAndMail people, UsersForSystem users) {
        this.people = people;
        this.users = users;
    }

    @EventListener
    void assigned(ProcedureStepAssigned assigned) {
        List<UserView> doers = doers(assigned.team(), assigned.approver(), assigned.owner());
        tell(
                doers,
                "procedure-step-assigned:" + assigned.step(),
                "procedure-step-assigned",
                assigned.reference(),
                assigned.procedure(),
                assigned.title(),
                assigned.due(),
                "/procedures/steps/" + assigned.step(),
                assigned.at());
    }

    @EventListener
    void overdue(ProcedureWorkOverdue overdue) {
        List<UserView> told = new ArrayList<>();
        String path;
        if (overdue.isRun()) {
            told.addAll(users.users(List.of(new UserId(overdue.owner()))));
            told.addAll(users.usersWithRole(Role.COORDINATOR));
            path = "/procedures/runs/" + overdue.run();
        } else {
            told.addAll(doers(overdue.team(), overdue.approver(), overdue.owner()));
            told.addAll(users.users(List.of(new UserId(overdue.owner()))));
            path = "/procedures/steps/" + overdue.step();
        }
        tell(
                told,
                "procedure-overdue:" + (overdue.isRun() ? overdue.run() : overdue.step()),
                overdue.isRun() ? "procedure-run-overdue" : "procedure-step-overdue",
                overdue.reference(),
                overdue.procedure(),
                overdue.title(),
                overdue.due(),
                path,
                overdue.at());
    }

    /** The people who do a step: the named approver, else the team's members, else the run's owner. */
    private List<UserView> doers(@Nullable UUID team, @Nullable UUID approver, UUID owner) {
        if (approver != null) {
            return users.users(List.of(new UserId(approver)));
        }
        if (team != null) {
            return users.members(new TeamId(team));
        }
        return users.users(List.of(new UserId(owner)));
    }

    /**
     * Tells each person once. The message is rendered in the reader's language when read (and in the person's for the
     * mail), so it carries the procedure's name and the title in each language Cairn speaks.
     */
    private void tell(
            List<UserView> told,
            String key,
            String template,
            String reference,
            Map<String, String> procedure,
            Map<String, String> title,
            @Nullable Instant due,
            String path,
            Instant at) {
        Map<UserId, UserView> once = new LinkedHashMap<>();
        told.forEach(person -> once.putIfAbsent(person.id(), person));
        people.tell(
                once.values(),
                key,
                template,
                Map.of(
                        "reference", reference,
                        "procedure", procedure.getOrDefault("en", ""),
                        "procedureNl", procedure.getOrDefault("nl", procedure.getOrDefault("en", "")),
                        "title", title.getOrDefault("en", ""),
                        "titleNl", title.getOrDefault("nl", title.getOrDefault("en", "")),
                        "due", due == null ? "-" : due.toString()),
                path,
                "en",
                at);
    }
}
