package io.cairn.identity;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Optional;

/** A user, team, business unit or API token was created or changed. */
public record IdentityChanged(
        ActorRef actor,
        Instant at,
        String action,
        String objectType,
        String objectId,
        Optional<String> beforeDigest,
        Optional<String> afterDigest) implements AuditableEvent {}
