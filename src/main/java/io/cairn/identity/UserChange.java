package io.cairn.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An admin's change to a user: name, address, roles, teams, business unit, whether they may sign in, language.
 *
 * @param language the language the user reads Cairn in; empty leaves it as it is
 */
record UserChange(
        @NotBlank @Size(max = 200) String displayName,
        @Nullable @Email @Size(max = 320) String email,
        @NotEmpty Set<Role> roles,
        Set<TeamId> teams,
        @Nullable BusinessUnitId businessUnit,
        boolean enabled,
        @NotNull Long version,

        @Nullable @Pattern(regexp = "en|nl", message = "must be en or nl")
        String language) {

    UserChange {
        teams = teams == null ? Set.of() : Set.copyOf(teams);
        roles = Set.copyOf(roles);
    }
}
