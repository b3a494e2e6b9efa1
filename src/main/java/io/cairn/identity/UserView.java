package io.cairn.identity;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What other modules and the API see of a user: never the password. */
public record UserView(
        UserId id,
        String username,
        String displayName,
        @Nullable String email,
        Set<Role> roles,
        Set<TeamId> teams,
        @Nullable BusinessUnitId businessUnit,
        boolean enabled,
        boolean mustChangePassword,
        Instant createdAt,
        long version) {}
