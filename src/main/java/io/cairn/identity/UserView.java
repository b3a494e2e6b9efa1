package io.cairn.identity;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What other modules and the API see of a user: never the password.
 *
 * @param language the language the user reads Cairn in ({@code en} or {@code nl}); empty until it is known
 */
public record UserView(
        UserId id,
        String username,
        String displayName,
        @Nullable String email,
        @Nullable String language,
        Set<Role> roles,
        Set<TeamId> teams,
        @Nullable BusinessUnitId businessUnit,
        boolean enabled,
        boolean mustChangePassword,
        Instant createdAt,
        long version) {

    /** The user as the one a command acts for, with their roles and teams. */
    public Actor actor() {
        return new Actor(id, username, displayName, roles, teams);
    }

    /** The language to write to this user in: theirs, or English while it is not known. */
    public String languageOrEnglish() {
        return language == null ? "en" : language;
    }
}
