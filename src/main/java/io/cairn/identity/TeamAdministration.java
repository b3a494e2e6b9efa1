package io.cairn.identity;

import io.cairn.identity.IdentityChanged.Change;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams: admins form and change them, every signed-in user sees their names, and those who assign work to people see
 * their members. The shipped team's description is in the reader's language (see {@link ShippedTeam}).
 */
@Component
class TeamAdministration {

    private final KnownIds<TeamId> knownTeams = new KnownIds<>();

    private final IdentityAccess access;
    private final Teams teams;
    private final Users users;
    private final PlacementChecks placement;
    private final IdentityChanges changes;
    private final JdbcClient jdbc;

    TeamAdministration(
            IdentityAccess access,
            Teams teams,
            Users users,
            PlacementChecks placement,
            IdentityChanges changes,
            JdbcClient jdbc) {
        this.access = access;
        this.teams = teams;
        this.users = users;
        this.placement = placement;
        this.changes = changes;
        this.jdbc = jdbc;
    }

    /** Forms a team (admin only); its name is not another team's. */
    @Transactional
    Outcome<TeamView> create(TeamDefinition definition) {
        Optional<Refusal> refusal = access.requireRole(Role.ADMIN, "create teams")
                .or(() -> placement.unknownBusinessUnit(definition.businessUnit()))
                .or(() -> teams.findByName(definition.name())
                        .map(t -> Refusal.conflict("name", SharedRefusals.ALREADY_TAKEN)));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Team team = Team.form(definition.name(), definition.description(), definition.businessUnit());
        teams.save(team);
        changes.publish(
                access.requireActor().ref(),
                Change.TEAM_CREATED,
                team.view().id().toString(),
                null,
                team.snapshot());
        return Outcome.done(ShippedTeam.shown(team.view()));
    }

    /** Renames a team or moves it to another business unit (admin only); {@code version} must be the stored one. */
    @Transactional
    Outcome<TeamView> change(TeamId id, TeamDefinition definition, long version) {
        Optional<Refusal> refusal = access.requireRole(Role.ADMIN, "change teams")
                .or(() -> placement.unknownBusinessUnit(definition.businessUnit()))
                .or(() -> teams.findByName(definition.name())
                        .filter(t -> !t.view().id().equals(id))
                        .map(t -> Refusal.conflict("name", SharedRefusals.ALREADY_TAKEN)));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        return teams.findById(id.value())
                .<Outcome<TeamView>>map(team -> {
                    if (team.view().version() != version) {
                        return Outcome.refused(
                                Refusal.stale(version, team.view().version()));
                    }
                    String before = team.snapshot();
                    TeamDefinition stored =
                            ShippedTeam.asStored(definition, team.view().description());
                    team.rename(stored.name(), stored.description());
                    team.placeInBusinessUnit(stored.businessUnit());
                    teams.save(team);
                    changes.publish(
                            access.requireActor().ref(), Change.TEAM_CHANGED, id.toString(), before, team.snapshot());
                    return Outcome.done(ShippedTeam.shown(team.view()));
                })
                .orElseGet(() -> Outcome.refused(Refusal.notFound("team " + id)));
    }

    /** All teams by name. */
    @Transactional(readOnly = true)
    List<TeamView> all() {
        return teams.findAllByName().stream()
                .map(Team::view)
                .map(ShippedTeam::shown)
                .toList();
    }

    /** One team. */
    @Transactional(readOnly = true)
    Optional<TeamView> one(TeamId id) {
        return teams.findById(id.value()).map(Team::view).map(ShippedTeam::shown);
    }

    /** Names of teams by id, for display. */
    @Transactional(readOnly = true)
    Map<TeamId, String> names() {
        return all().stream().collect(Collectors.toMap(TeamView::id, TeamView::name));
    }

    /**
     * Whether the team exists, for checks on hot paths such as reporting: one plain query, without the repository's
     * per-call overhead (a tenth of the CPU of reporting an incident when it loaded the whole team).
     */
    @Transactional(readOnly = true)
    boolean exists(TeamId id) {
        return knownTeams.exists(
                id,
                team -> jdbc.sql("select exists (select 1 from team where id = ?)")
                        .param(team.value())
                        .query(Boolean.class)
                        .single());
    }

    /** The members of a team by login name, for admins, handlers and coordinators (who assign work to people). */
    @Transactional(readOnly = true)
    Outcome<List<UserView>> members(TeamId id) {
        Optional<Refusal> refusal = access.readUsersRefusal("list the members of teams");
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        return Outcome.done(users.findAllByName().stream()
                .map(User::view)
                .filter(u -> u.teams().contains(id))
                .toList());
    }
}
