package io.cairn.identity;

import io.cairn.identity.system.UsersForSystem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads users for other modules' schedulers and reactions, without a signed-in user (see the interface). */
@Service
class SystemUsers implements UsersForSystem {

    /** One query per call rather than the repository's queries per user, for schedulers that notify many. */
    private static final String SYSTEM_USERS = """
            select u.id, u.username, u.display_name, u.email, u.language, u.enabled, u.must_change_password,
                   u.business_unit_id, u.created_at, u.version,
                   array(select r.role from user_role r where r.user_id = u.id) as roles,
                   array(select m.team_id from team_member m where m.user_id = u.id) as teams
            from app_user u""";

    private final JdbcClient jdbc;

    SystemUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserView> usersWithRole(Role role) {
        return jdbc.sql(SYSTEM_USERS + " where u.enabled and exists (select 1 from user_role r where r.user_id = u.id "
                        + "and r.role = ?) order by u.username")
                .param(role.name())
                .query((row, n) -> user(row))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserView> users(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SYSTEM_USERS + " where u.id = any(?) order by u.username")
                .param(ids.stream().map(UserId::value).toArray(UUID[]::new))
                .query((row, n) -> user(row))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserView> members(TeamId team) {
        return jdbc.sql(SYSTEM_USERS + " where exists (select 1 from team_member m where m.user_id = u.id "
                        + "and m.team_id = ?) order by lower(u.username)")
                .param(team.value())
                .query((row, n) -> user(row))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserView> userNamed(String username) {
        return jdbc.sql(SYSTEM_USERS + " where lower(u.username) = lower(?)")
                .param(username)
                .query((row, n) -> user(row))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserView> userWithEmail(String email) {
        List<UserView> found = email.isBlank()
                ? List.of()
                : jdbc.sql(SYSTEM_USERS + " where u.enabled and lower(u.email) = lower(?) limit 2")
                        .param(email.trim())
                        .query((row, n) -> user(row))
                        .list();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static UserView user(ResultSet row) throws SQLException {
        UUID unit = row.getObject("business_unit_id", UUID.class);
        return new UserView(
                new UserId(row.getObject("id", UUID.class)),
                row.getString("username"),
                row.getString("display_name"),
                row.getString("email"),
                row.getString("language"),
                List.of((String[]) row.getArray("roles").getArray()).stream()
                        .map(Role::valueOf)
                        .collect(Collectors.toSet()),
                List.of((UUID[]) row.getArray("teams").getArray()).stream()
                        .map(TeamId::new)
                        .collect(Collectors.toSet()),
                unit == null ? null : new BusinessUnitId(unit),
                row.getBoolean("enabled"),
                row.getBoolean("must_change_password"),
                row.getTimestamp("created_at").toInstant(),
                row.getLong("version"));
    }
}
