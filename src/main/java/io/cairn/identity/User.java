package io.cairn.identity;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A person who signs in to Cairn: login name, password, roles, teams, the language they read. */
@Table("app_user")
class User {

    /** The languages a user can read Cairn in. */
    static final Set<String> LANGUAGES = Set.of("en", "nl");

    @Id
    private final UUID id;

    private final String username;
    private String displayName;
    private @Nullable String email;
    private String passwordHash;
    private boolean mustChangePassword;
    private boolean enabled;
    private @Nullable UUID businessUnitId;
    private @Nullable String language;
    private final Instant createdAt;

    @Version
    private @Nullable Long version;

    @MappedCollection(idColumn = "user_id")
    private Set<RoleGrant> roles;

    @MappedCollection(idColumn = "user_id")
    private Set<TeamMembership> teams;

    @PersistenceCreator
    User(
            UUID id,
            String username,
            String displayName,
            @Nullable String email,
            String passwordHash,
            boolean mustChangePassword,
            boolean enabled,
            @Nullable UUID businessUnitId,
            @Nullable String language,
            Instant createdAt,
            @Nullable Long version,
            Set<RoleGrant> roles,
            Set<TeamMembership> teams) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.mustChangePassword = mustChangePassword;
        this.enabled = enabled;
        this.businessUnitId = businessUnitId;
        this.language = language;
        this.createdAt = createdAt;
        this.version = version;
        this.roles = roles;
        this.teams = teams;
    }

    /** A new, enabled user who must choose a new password at first sign-in. */
    static User register(
            String username,
            String displayName,
            @Nullable String email,
            String passwordHash,
            Set<Role> roles,
            Set<TeamId> teams,
            @Nullable BusinessUnitId businessUnit,
            Instant now) {
        return new User(
                UUID.randomUUID(),
                username,
                displayName,
                email,
                passwordHash,
                true,
                true,
                businessUnit == null ? null : businessUnit.value(),
                null,
                now,
                null,
                grants(roles),
                memberships(teams));
    }

    void describe(String displayName, @Nullable String email) {
        this.displayName = displayName;
        this.email = email;
    }

    void grantExactly(Set<Role> roles) {
        this.roles = grants(roles);
    }

    void placeInTeams(Set<TeamId> teams) {
        this.teams = memberships(teams);
    }

    void placeInBusinessUnit(@Nullable BusinessUnitId businessUnit) {
        this.businessUnitId = businessUnit == null ? null : businessUnit.value();
    }

    /** The user reads Cairn in this language ({@link #LANGUAGES}) from now on; false when they already did. */
    boolean speak(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("'" + language + "' is not a language of Cairn");
        }
        boolean changed = !language.equals(this.language);
        this.language = language;
        return changed;
    }

    void disable() {
        this.enabled = false;
    }

    void enable() {
        this.enabled = true;
    }

    /** The user chose a new password themselves. */
    void choosePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.mustChangePassword = false;
    }

    /** An admin set a one-time password, to be replaced at the next sign-in. */
    void resetPassword(String oneTimePasswordHash) {
        this.passwordHash = oneTimePasswordHash;
        this.mustChangePassword = true;
    }

    UserId id() {
        return new UserId(id);
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    Set<Role> roles() {
        return roles.stream().map(RoleGrant::role).collect(Collectors.toUnmodifiableSet());
    }

    Set<TeamId> teams() {
        return teams.stream().map(m -> new TeamId(m.teamId())).collect(Collectors.toUnmodifiableSet());
    }

    long version() {
        return version == null ? 0 : version;
    }

    Actor actor() {
        return new Actor(id(), username, displayName, roles(), teams());
    }

    UserView view() {
        return new UserView(
                id(),
                username,
                displayName,
                email,
                language,
                roles(),
                teams(),
                businessUnitId == null ? null : new BusinessUnitId(businessUnitId),
                enabled,
                mustChangePassword,
                createdAt,
                version());
    }

    /** The state the audit trail takes a digest of; the password is represented only by its hash's digest. */
    String snapshot() {
        return "user{id=" + id + ",username=" + username + ",displayName=" + displayName + ",email=" + email
                // a user whose language is not known yet keeps the digest it had before languages were kept
                + (language == null ? "" : ",language=" + language)
                + ",enabled=" + enabled + ",mustChangePassword=" + mustChangePassword
                + ",password=" + io.cairn.shared.ContentDigest.of(passwordHash)
                + ",businessUnit=" + businessUnitId + ",roles=" + new TreeSet<>(roles())
                + ",teams=" + teams().stream().map(TeamId::toString).sorted().toList() + "}";
    }

    private static Set<RoleGrant> grants(Set<Role> roles) {
        return roles.stream().map(RoleGrant::new).collect(Collectors.toSet());
    }

    private static Set<TeamMembership> memberships(Set<TeamId> teams) {
        return teams.stream().map(t -> new TeamMembership(t.value())).collect(Collectors.toSet());
    }
}
