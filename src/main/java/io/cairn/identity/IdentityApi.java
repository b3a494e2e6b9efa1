package io.cairn.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The identity API: the signed-in user, their tokens and password; users, teams and business units for admins. */
@RestController
@RequestMapping("/api/v1")
class IdentityApi {

    private final IdentityManagement identity;

    IdentityApi(IdentityManagement identity) {
        this.identity = identity;
    }

    /**
     * The signed-in user as the API shows them: who they are, what they may do, and the language Cairn writes to them
     * in (empty until it is known).
     */
    record Me(
            UserId id,
            String username,
            String displayName,
            Set<Role> roles,
            Set<TeamId> teams,
            @Nullable String email,
            @Nullable String language) {

        static Me of(Actor actor, UserView account) {
            return new Me(
                    actor.id(),
                    actor.username(),
                    actor.displayName(),
                    actor.roles(),
                    actor.teams(),
                    account.email(),
                    account.language());
        }
    }

    /** The signed-in user. */
    @Tag(
            name = "Account",
            description = "The signed-in user: who they are, their language, their password, their personal API "
                    + "tokens and the devices they hold.")
    @Operation(
            operationId = "getMe",
            summary = "Read the signed-in user",
            description = "With the language notifications to them are written in (empty until it is known).")
    @GetMapping("/me")
    Me me() {
        return Me.of(identity.requireActor(), identity.myAccount());
    }

    /** A change the signed-in user makes to their own account. */
    record MyChange(
            @NotNull @Pattern(regexp = "en|nl", message = "must be en or nl")
            String language) {}

    @Tag(name = "Account")
    @Operation(
            operationId = "changeMe",
            summary = "Change your language",
            description = "en or nl: the language notifications to you are written in.")
    @PutMapping("/me")
    Me changeMe(@Valid @RequestBody MyChange change) {
        UserView account = identity.chooseLanguage(change.language()).orRefuse();
        return Me.of(identity.requireActor(), account);
    }

    record PasswordChange(
            @NotBlank String currentPassword,
            @NotBlank @Size(max = 200) String newPassword) {}

    @Tag(name = "Account")
    @Operation(
            operationId = "changePassword",
            summary = "Change your password",
            description = "Needs the current password; also the way out of a one-time password.")
    @ApiResponse(responseCode = "204", description = "The password was changed")
    @PostMapping("/me/password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change) {
        identity.changeOwnPassword(change.currentPassword(), change.newPassword())
                .orRefuse();
        return ResponseEntity.noContent().build();
    }

    record TokenRequest(
            @NotBlank @Size(max = 100) String name,
            @Nullable Instant expiresAt) {}

    @Tag(name = "Account")
    @Operation(operationId = "listTokens", summary = "List your API tokens")
    @GetMapping("/me/tokens")
    List<TokenView> tokens() {
        return identity.myTokens();
    }

    /** Issues a token; the secret is in this response only. */
    @Tag(name = "Account")
    @Operation(
            operationId = "issueToken",
            summary = "Issue an API token",
            description = "The secret is in this answer only; Cairn keeps its SHA-256 digest.")
    @ApiResponse(responseCode = "201", description = "The token, with its secret")
    @PostMapping("/me/tokens")
    ResponseEntity<IssuedToken> issueToken(@Valid @RequestBody TokenRequest request) {
        IssuedToken issued =
                identity.issueToken(request.name(), request.expiresAt()).orRefuse();
        return ResponseEntity.created(
                        URI.create("/api/v1/me/tokens/" + issued.token().id()))
                .body(issued);
    }

    @Tag(name = "Account")
    @Operation(operationId = "revokeToken", summary = "Revoke an API token")
    @DeleteMapping("/me/tokens/{id}")
    TokenView revokeToken(@PathVariable UUID id) {
        return identity.revokeToken(id).orRefuse();
    }

    @Tag(name = "Users", description = "Accounts with their roles and teams; admins manage them.")
    @Operation(operationId = "listUsers", summary = "List the users")
    @GetMapping("/users")
    List<UserView> users() {
        return identity.users().orRefuse();
    }

    @Tag(name = "Users")
    @Operation(operationId = "getUser", summary = "Read a user")
    @GetMapping("/users/{id}")
    UserView user(@PathVariable UserId id) {
        return identity.user(id).orRefuse();
    }

    @Tag(name = "Users")
    @Operation(
            operationId = "createUser",
            summary = "Create a user",
            description = "Admins. Without a password, Cairn makes a one-time password, in this answer only, that "
                    + "the user must change at the first sign-in.")
    @ApiResponse(responseCode = "201", description = "The user, created")
    @ApiResponse(responseCode = "409", description = "The username is already taken.")
    @PostMapping("/users")
    ResponseEntity<CreatedUser> createUser(@Valid @RequestBody NewUser user) {
        CreatedUser created = identity.createUser(user).orRefuse();
        return ResponseEntity.created(
                        URI.create("/api/v1/users/" + created.user().id()))
                .body(created);
    }

    @Tag(name = "Users")
    @Operation(
            operationId = "changeUser",
            summary = "Change a user",
            description = "Admins. Disabling a user takes effect at once.")
    @ApiResponse(responseCode = "200", description = "The user, changed")
    @ApiResponse(
            responseCode = "409",
            description = "The username is already taken, or the change would remove your own admin role or disable "
                    + "your own account.")
    @PutMapping("/users/{id}")
    UserView changeUser(@PathVariable UserId id, @Valid @RequestBody UserChange change) {
        return identity.changeUser(id, change).orRefuse();
    }

    record OneTimePassword(String oneTimePassword) {}

    /** Sets a one-time password for the user, returned in this response only. */
    @Tag(name = "Users")
    @Operation(
            operationId = "resetPassword",
            summary = "Give a user a one-time password",
            description = "Admins. The password is in this answer only; the user must change it at the next sign-in.")
    @PostMapping("/users/{id}/password-reset")
    OneTimePassword resetPassword(@PathVariable UserId id) {
        return new OneTimePassword(identity.resetPassword(id).orRefuse());
    }

    @Tag(name = "Teams", description = "The teams that incidents and tasks go to.")
    @Operation(operationId = "listTeams", summary = "List the teams")
    @GetMapping("/teams")
    List<TeamView> teams() {
        return identity.teams();
    }

    @Tag(name = "Teams")
    @Operation(operationId = "createTeam", summary = "Create a team")
    @ApiResponse(responseCode = "201", description = "The team, created")
    @ApiResponse(responseCode = "409", description = "The name is already taken.")
    @PostMapping("/teams")
    ResponseEntity<TeamView> createTeam(@Valid @RequestBody TeamDefinition team) {
        TeamView created = identity.createTeam(team).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/teams/" + created.id()))
                .body(created);
    }

    record TeamChange(
            @NotNull @Valid TeamDefinition team, @NotNull Long version) {}

    @Tag(name = "Teams")
    @Operation(operationId = "changeTeam", summary = "Change a team")
    @ApiResponse(responseCode = "200", description = "The team, changed")
    @ApiResponse(responseCode = "409", description = "The name is already taken.")
    @PutMapping("/teams/{id}")
    TeamView changeTeam(@PathVariable TeamId id, @Valid @RequestBody TeamChange change) {
        return identity.changeTeam(id, change.team(), change.version()).orRefuse();
    }

    @Tag(name = "Business units", description = "The parts of the organisation that incidents concern.")
    @Operation(operationId = "listBusinessUnits", summary = "List the business units")
    @GetMapping("/business-units")
    List<BusinessUnitView> businessUnits() {
        return identity.businessUnits();
    }

    @Tag(name = "Business units")
    @Operation(operationId = "createBusinessUnit", summary = "Create a business unit")
    @ApiResponse(responseCode = "201", description = "The business unit, created")
    @ApiResponse(responseCode = "409", description = "The name is already taken.")
    @PostMapping("/business-units")
    ResponseEntity<BusinessUnitView> createBusinessUnit(@Valid @RequestBody BusinessUnitDefinition unit) {
        BusinessUnitView created = identity.createBusinessUnit(unit).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/business-units/" + created.id()))
                .body(created);
    }

    record BusinessUnitChange(
            @NotNull @Valid BusinessUnitDefinition businessUnit,
            @NotNull Long version) {}

    @Tag(name = "Business units")
    @Operation(operationId = "changeBusinessUnit", summary = "Change a business unit")
    @ApiResponse(responseCode = "200", description = "The business unit, changed")
    @ApiResponse(responseCode = "409", description = "The name is already taken.")
    @PutMapping("/business-units/{id}")
    BusinessUnitView changeBusinessUnit(
            @PathVariable BusinessUnitId id, @Valid @RequestBody BusinessUnitChange change) {
        return identity.changeBusinessUnit(id, change.businessUnit(), change.version())
                .orRefuse();
    }
}
