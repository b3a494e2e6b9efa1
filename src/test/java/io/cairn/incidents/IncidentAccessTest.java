package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.identity.Actor;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Who may see and change an incident, checked on every case: every set of roles, with and without the incident's
 * team, against incidents the actor reported, owns or neither, of the actor's team, another team or none,
 * confidential or not.
 */
class IncidentAccessTest {

    static final UserId ME = UserId.random();
    static final TeamId MY_TEAM = TeamId.random();
    static final TeamId OTHER_TEAM = TeamId.random();

    /** One generated case: an actor and an incident. */
    record Case(Actor actor, Incident incident) {

        /** The case in words, for a failure message. */
        String description() {
            return "actor with " + actor.roles()
                    + (actor.teams().contains(MY_TEAM)
                            ? " in the team"
                            : actor.teams().isEmpty() ? " in no team" : " in another team")
                    + "; incident "
                    + (incident.reportedBy(ME) ? "reported by the actor" : "reported by another") + ", "
                    + incident.owner()
                            .map(owner -> owner.equals(ME) ? "owned by the actor" : "owned by another")
                            .orElse("no owner")
                    + ", "
                    + incident.team()
                            .map(team -> team.equals(MY_TEAM) ? "of the team" : "of another team")
                            .orElse("no team")
                    + (incident.confidential() ? ", confidential" : "");
        }
    }

    /** Every actor: each set of the roles, in no team, in {@link #MY_TEAM}, or in another team. */
    static List<Actor> actors() {
        List<Actor> actors = new ArrayList<>();
        Role[] roles = Role.values();
        for (int mask = 0; mask < 1 << roles.length; mask++) {
            Set<Role> held = EnumSet.noneOf(Role.class);
            for (int i = 0; i < roles.length; i++) {
                if ((mask & 1 << i) != 0) {
                    held.add(roles[i]);
                }
            }
            for (Set<TeamId> teams : List.of(Set.<TeamId>of(), Set.of(MY_TEAM), Set.of(OTHER_TEAM))) {
                actors.add(new Actor(ME, "me", "Me", held, teams));
            }
        }
        return actors;
    }

    /** Every incident shape: reported by the actor, someone else or nobody; owned likewise; any team; marked. */
    static List<Incident> incidents() {
        List<Incident> incidents = new ArrayList<>();
        List<@Nullable UserId> people = new ArrayList<>();
        people.add(ME);
        people.add(UserId.random());
        people.add(null);
        List<@Nullable TeamId> teams = new ArrayList<>();
        teams.add(MY_TEAM);
        teams.add(TeamId.random());
        teams.add(null);
        for (UserId reporter : people) {
            for (UserId owner : people) {
                for (TeamId team : teams) {
                    for (boolean confidential : new boolean[] {false, true}) {
                        incidents.add(TestIncidents.reported(reporter, owner, team, confidential));
                    }
                }
            }
        }
        return incidents;
    }

    static void forEveryCase(Consumer<Case> check) {
        List<Incident> incidents = incidents();
        for (Actor actor : actors()) {
            for (Incident incident : incidents) {
                check.accept(new Case(actor, incident));
            }
        }
    }

    @Test
    void aReporterAlwaysSeesTheirOwnIncidentAndWithoutAStaffRoleNothingElse() {
        forEveryCase(c -> {
            if (c.incident().reportedBy(ME)) {
                assertThat(IncidentAccess.maySee(c.actor(), c.incident()))
                        .as(c::description)
                        .isTrue();
            } else if (!IncidentAccess.seesOthersIncidents(c.actor())) {
                assertThat(IncidentAccess.maySee(c.actor(), c.incident()))
                        .as(c::description)
                        .isFalse();
            }
        });
    }

    @Test
    void staffSeeEveryIncidentThatIsNotConfidential() {
        forEveryCase(c -> {
            if (!c.incident().confidential()
                    && c.actor().hasAny(Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER, Role.AUDITOR)) {
                assertThat(IncidentAccess.maySee(c.actor(), c.incident()))
                        .as(c::description)
                        .isTrue();
            }
        });
    }

    @Test
    void aConfidentialIncidentIsSeenOnlyByItsReporterOwnerTeamHandlersCoordinatorsAndAuditors() {
        forEveryCase(c -> {
            if (c.incident().confidential()) {
                boolean staff = IncidentAccess.seesOthersIncidents(c.actor());
                boolean expected = c.incident().reportedBy(ME)
                        || staff && c.actor().hasAny(Role.COORDINATOR, Role.AUDITOR)
                        || staff && c.incident().owner().filter(ME::equals).isPresent()
                        || c.actor().has(Role.HANDLER)
                                && c.incident().team().filter(MY_TEAM::equals).isPresent()
                                && c.actor().isMemberOf(MY_TEAM);
                assertThat(IncidentAccess.maySee(c.actor(), c.incident()))
                        .as(c::description)
                        .isEqualTo(expected);
            }
        });
    }

    @Test
    void onlyHandlersAndCoordinatorsChangeAndOnlyWhatTheySee() {
        forEveryCase(c -> {
            boolean handles = IncidentAccess.mayHandle(c.actor(), c.incident());
            assertThat(handles)
                    .as(c::description)
                    .isEqualTo(c.actor().hasAny(Role.HANDLER, Role.COORDINATOR)
                            && IncidentAccess.maySee(c.actor(), c.incident()));
        });
    }

    @Test
    void notesAreAddedByWhoeverSeesTheIncidentAndHandlesReportedItOrGuardsPrivacyButNeverByAnAuditorAlone() {
        forEveryCase(c -> {
            boolean notes = IncidentAccess.mayAddNote(c.actor(), c.incident());
            if (notes) {
                assertThat(IncidentAccess.maySee(c.actor(), c.incident()))
                        .as(c::description)
                        .isTrue();
            }
            if (c.actor().roles().equals(Set.of(Role.AUDITOR)) && !c.incident().reportedBy(ME)) {
                assertThat(notes).as(c::description).isFalse();
            }
            if (IncidentAccess.mayHandle(c.actor(), c.incident())
                    || c.incident().reportedBy(ME)) {
                assertThat(notes).as(c::description).isTrue();
            }
        });
    }

    @Test
    void reportingNeedsARoleThatReportsAndAssigningWhileReportingNeedsAHandler() {
        for (Actor actor : actors()) {
            assertThat(IncidentAccess.mayReport(actor))
                    .as("%s", actor.roles())
                    .isEqualTo(actor.hasAny(Role.REPORTER, Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER));
            assertThat(IncidentAccess.mayAssign(actor))
                    .as("%s", actor.roles())
                    .isEqualTo(actor.hasAny(Role.HANDLER, Role.COORDINATOR));
        }
    }

    @Test
    void everyCaseIsCovered() {
        assertThat(actors()).hasSize(128 * 3);
        assertThat(incidents()).hasSize(3 * 3 * 3 * 2);
    }
}
