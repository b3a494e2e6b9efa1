package io.cairn.federation;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The federation API for admins: this instance's signing keys and its peers. */
@RestController
@RequestMapping("/api/v1/federation")
@Tag(
        name = "Federation",
        description = "The incident exchange between Cairn instances: this instance's signing keys and the peers it "
                + "exchanges incidents with; admins manage them.")
class FederationApi {

    /** The key the admin saw as active, so that two rotations at once do not rotate twice. */
    record Rotation(@Nullable String activeKid) {}

    /**
     * A peer to register, or its new definition.
     *
     * @param name how this instance shows it
     * @param baseUrl its public base URL: https, no user information, query or fragment
     * @param role {@code provider} or {@code customer}
     * @param keys its public keys, a JWK set; leave out to fetch them from {@code <baseUrl>/federation/v1/jwks.json}
     * @param businessUnit for a provider, the id of the business unit whose incidents its publications become here:
     *     a personal-data breach it states starts the duties of that unit's legal entity
     */
    record NewPeer(
            @Nullable String name,
            @Nullable String baseUrl,
            @Nullable String role,
            @Nullable Map<String, Object> keys,
            @Nullable String businessUnit) {

        PeerDefinition definition() {
            return new PeerDefinition(
                    name, baseUrl, role, keys == null ? null : JSONObjectUtils.toJSONString(keys), businessUnit);
        }
    }

    /** A peer's new definition, with the version the caller read. */
    record PeerChange(
            @Nullable String name,
            @Nullable String baseUrl,
            @Nullable String role,
            @Nullable Map<String, Object> keys,
            @Nullable String businessUnit,
            @NotNull Long version) {}

    /** Whether a peer is to be suspended (true) or resumed (false), with the version the caller read. */
    record Suspension(@NotNull Boolean suspended, @NotNull Long version) {}

    /** The version of the peer the caller read. */
    record Read(@NotNull Long version) {}

    private final FederationManagement federation;

    FederationApi(FederationManagement federation) {
        this.federation = federation;
    }

    @Operation(operationId = "listSigningKeys", summary = "List this instance's signing keys (admin)")
    @GetMapping("/keys")
    List<SigningKeyView> keys() {
        return federation.signingKeys().orRefuse();
    }

    @Operation(
            operationId = "rotateSigningKey",
            summary = "Rotate this instance's signing key (admin)",
            description = "Makes a new active key and retires the one named, which stays published and valid for "
                    + "`cairn.federation.key-grace`. Refused as stale when `activeKid` is no longer the active key.")
    @ApiResponse(responseCode = "201", description = "The new active key")
    @ApiResponse(responseCode = "409", description = "`activeKid` is no longer the active key.")
    @PostMapping("/keys/rotation")
    ResponseEntity<SigningKeyView> rotate(@Valid @RequestBody Rotation rotation) {
        SigningKeyView key = federation.rotateSigningKey(rotation.activeKid()).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/federation/keys")).body(key);
    }

    @Operation(operationId = "listPeers", summary = "List the peers (admin)")
    @GetMapping("/peers")
    List<PeerView> peers() {
        return federation.peers().orRefuse();
    }

    @Operation(operationId = "getPeer", summary = "Get one peer (admin)")
    @GetMapping("/peers/{id}")
    PeerView peer(@PathVariable PeerId id) {
        return federation.peer(id).orRefuse();
    }

    @Operation(
            operationId = "registerPeer",
            summary = "Register a peer (admin)",
            description = "With its public keys as a JWK set, or without them to fetch them from the peer's "
                    + "`/federation/v1/jwks.json`; a peer that does not answer, or answers no usable key set, is "
                    + "refused with the reason.")
    @ApiResponse(responseCode = "201", description = "Registered; `Location` names it")
    @ApiResponse(responseCode = "409", description = "A peer with this base URL is registered already.")
    @PostMapping("/peers")
    ResponseEntity<PeerView> register(@Valid @RequestBody NewPeer peer) {
        PeerView registered = federation.registerPeer(peer.definition()).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/federation/peers/" + registered.id()))
                .body(registered);
    }

    @Operation(
            operationId = "changePeer",
            summary = "Change a peer (admin)",
            description = "Its name, base URL, role and keys; without keys, a new base URL has its keys fetched anew "
                    + "and the same one keeps them. Needs the version the caller read.")
    @ApiResponse(responseCode = "200", description = "The peer, changed")
    @ApiResponse(responseCode = "409", description = "Another peer has this base URL.")
    @PutMapping("/peers/{id}")
    PeerView change(@PathVariable PeerId id, @Valid @RequestBody PeerChange change) {
        NewPeer peer =
                new NewPeer(change.name(), change.baseUrl(), change.role(), change.keys(), change.businessUnit());
        return federation.changePeer(id, peer.definition(), change.version()).orRefuse();
    }

    @Operation(
            operationId = "suspendPeer",
            summary = "Suspend or resume a peer (admin)",
            description = "A suspended peer's requests are refused. Needs the version the caller read.")
    @ApiResponse(responseCode = "200", description = "The peer, suspended or resumed")
    @ApiResponse(responseCode = "409", description = "The peer is in that state already.")
    @PostMapping("/peers/{id}/suspension")
    PeerView suspend(@PathVariable PeerId id, @Valid @RequestBody Suspension suspension) {
        return federation
                .suspendPeer(id, suspension.suspended(), suspension.version())
                .orRefuse();
    }

    @Operation(
            operationId = "refreshPeerKeys",
            summary = "Fetch a peer's keys anew (admin)",
            description =
                    "From its `/federation/v1/jwks.json`, replacing pasted keys too. Needs the version the caller "
                            + "read.")
    @PostMapping("/peers/{id}/keys/refresh")
    PeerView refresh(@PathVariable PeerId id, @Valid @RequestBody Read read) {
        return federation.refreshPeerKeys(id, read.version()).orRefuse();
    }

    @Operation(
            operationId = "removePeer",
            summary = "Remove a peer (admin)",
            description = "Needs the version the caller read.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/peers/{id}")
    ResponseEntity<Void> remove(@PathVariable PeerId id, @RequestParam(required = false) @Nullable Long version) {
        if (version == null) {
            throw new RefusedException(Refusal.invalid("version", io.cairn.shared.SharedRefusals.REQUIRED));
        }
        federation.removePeer(id, version).orRefuse();
        return ResponseEntity.noContent().build();
    }
}
