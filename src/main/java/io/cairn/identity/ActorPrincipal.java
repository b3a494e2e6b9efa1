package io.cairn.identity;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds them in the session or for one API request.
 *
 * <p>The actor is read again from the database after any identity change on this node, and every few seconds for
 * changes on other nodes, so that a changed role or a disabled account takes effect without signing out.
 */
final class ActorPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private volatile Actor actor;
    private volatile Instant loadedAt;
    private volatile long generation;
    private volatile boolean mustChangePassword;
    private volatile boolean enabled;
    private @Nullable String passwordHash;

    /**
     * @param loadedAt when the actor was read
     * @param generation the {@link IdentityGeneration} read before the actor was
     */
    ActorPrincipal(
            Actor actor,
            Instant loadedAt,
            long generation,
            boolean mustChangePassword,
            boolean enabled,
            @Nullable String passwordHash) {
        this.actor = actor;
        this.loadedAt = loadedAt;
        this.generation = generation;
        this.mustChangePassword = mustChangePassword;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    Actor actor() {
        return actor;
    }

    Instant loadedAt() {
        return loadedAt;
    }

    long generation() {
        return generation;
    }

    void refresh(Actor actor, boolean mustChangePassword, boolean enabled, Instant now, long generation) {
        this.actor = actor;
        this.mustChangePassword = mustChangePassword;
        this.enabled = enabled;
        this.loadedAt = now;
        this.generation = generation;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    void passwordChosen() {
        this.mustChangePassword = false;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        actor.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        return authorities;
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
