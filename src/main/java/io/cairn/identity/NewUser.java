package io.cairn.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A user to create. Without an initial password, Cairn makes a one-time password and returns it once.
 *
 * @param language the language the user reads Cairn in; empty until they use the UI
 */
record NewUser(
        @NotBlank
        @Pattern(
                regexp = "[A-Za-z0-9._@-]{2,64}",
                message = "must be 2 to 64 letters, digits, dots, dashes, underscores or @")
        String username,

        @NotBlank @Size(max = 200) String displayName,
        @Nullable @Email @Size(max = 320) String email,
        @NotEmpty Set<Role> roles,
        Set<TeamId> teams,
        @Nullable BusinessUnitId businessUnit,
        @Nullable @Size(min = 12, max = 200) String initialPassword,

        @Nullable @Pattern(regexp = "en|nl", message = "must be en or nl")
        String language) {

    NewUser {
        teams = teams == null ? Set.of() : Set.copyOf(teams);
        roles = Set.copyOf(roles);
    }
}
