package io.cairn.identity;

import io.swagger.v3.oas.annotations.Operation;
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
    record Me(UserId id, String username, String displayName, Set<Role> roles, Set<TeamId> teams,
            @Nullable String email, @Nullable String language) {

        static Me of(Actor actor, UserView account) {
            return new Me(actor.id(), actor.username(), actor.displayName(), actor.roles(), actor.teams(),
                    account.email(), account.language());
        }
    }

    /** The signed-in user. */
    @Operation(summary = "Show the signed-in user, with the language notifications to them are written in")
    @GetMapping("/me")
    Me me() {
        return Me.of(identity.requireActor(), identity.myAccount());
    }

    /** A change the signed-in user makes to their own account. */
    record MyChange(@NotNull @Pattern(regexp = "en|nl", message = "must be en or nl") String language) {}

    @Operation(summary = "Change the signed-in user's language (en or nl), in which notifications to them are written")
    @PutMapping("/me")
    Me changeMe(@Valid @RequestBody MyChange change) {
        UserView account = identity.chooseLanguage(change.language()).orRefuse();
        return Me.of(identity.requireActor(), account);
    }

    record PasswordChange(@NotBlank String currentPassword, @NotBlank @Size(max = 200) String newPassword) {}

    @PostMapping("/me/password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change) {
        identity.changeOwnPassword(change.currentPassword(), change.newPassword()).orRefuse();
        return ResponseEntity.noContent().build();
    }

    record TokenRequest(@NotBlank @Size(max = 100) String name, @Nullable Instant expiresAt) {}

    @GetMapping("/me/tokens")
    List<TokenView> tokens() {
        return identity.myTokens();
    }

    /** Issues a token; the secret is in this response only. */
    @PostMapping("/me/tokens")
    ResponseEntity<IssuedToken> issueToken(@Valid @RequestBody TokenRequest request) {
        IssuedToken issued = identity.issueToken(request.name(), request.expiresAt()).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + issued.token().id())).body(issued);
    }

    @DeleteMapping("/me/tokens/{id}")
    TokenView revokeToken(@PathVariable UUID id) {
        return identity.revokeToken(id).orRefuse();
    }

    @GetMapping("/users")
    List<UserView> users() {
        return identity.users().orRefuse();
    }

    @GetMapping("/users/{id}")
    UserView user(@PathVariable UserId id) {
        return identity.user(id).orRefuse();
    }

    @PostMapping("/users")
    ResponseEntity<CreatedUser> createUser(@Valid @RequestBody NewUser user) {
        CreatedUser created = identity.createUser(user).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.user().id())).body(created);
    }

    @PutMapping("/users/{id}")
    UserView changeUser(@PathVariable UserId id, @Valid @RequestBody UserChange change) {
        return identity.changeUser(id, change).orRefuse();
    }

    record OneTimePassword(String oneTimePassword) {}

    /** Sets a one-time password for the user, returned in this response only. */
    @PostMapping("/users/{id}/password-reset")
    OneTimePassword resetPassword(@PathVariable UserId id) {
        return new OneTimePassword(identity.resetPassword(id).orRefuse());
    }

    @GetMapping("/teams")
    List<TeamView> teams() {
        return identity.teams();
    }

    @PostMapping("/teams")
    ResponseEntity<TeamView> createTeam(@Valid @RequestBody TeamDefinition team) {
        TeamView created = identity.createTeam(team).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/teams/" + created.id())).body(created);
    }

    record TeamChange(@NotNull @Valid TeamDefinition team, @NotNull Long version) {}

    @PutMapping("/teams/{id}")
    TeamView changeTeam(@PathVariable TeamId id, @Valid @RequestBody TeamChange change) {
        return identity.changeTeam(id, change.team(), change.version()).orRefuse();
    }

    @GetMapping("/business-units")
    List<BusinessUnitView> businessUnits() {
        return identity.businessUnits();
    }

    @PostMapping("/business-units")
    ResponseEntity<BusinessUnitView> createBusinessUnit(@Valid @RequestBody BusinessUnitDefinition unit) {
        BusinessUnitView created = identity.createBusinessUnit(unit).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/business-units/" + created.id())).body(created);
    }

    record BusinessUnitChange(@NotNull @Valid BusinessUnitDefinition businessUnit, @NotNull Long version) {}

    @PutMapping("/business-units/{id}")
    BusinessUnitView changeBusinessUnit(@PathVariable BusinessUnitId id,
            @Valid @RequestBody BusinessUnitChange change) {
        return identity.changeBusinessUnit(id, change.businessUnit(), change.version()).orRefuse();
    }
}
