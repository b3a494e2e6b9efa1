package io.cairn.identity;

import io.cairn.identity.IdentityChanged.Change;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's personal API tokens: issued, listed and revoked by the user alone. */
@Component
class PersonalTokens {

    private final IdentityAccess access;
    private final ApiTokens tokens;
    private final IdentityChanges changes;
    private final Clock clock;

    PersonalTokens(IdentityAccess access, ApiTokens tokens, IdentityChanges changes, Clock clock) {
        this.access = access;
        this.tokens = tokens;
        this.changes = changes;
        this.clock = clock;
    }

    /** Issues a personal API token to the signed-in user; the secret is in the result and nowhere else. */
    @Transactional
    Outcome<IssuedToken> issue(String name, @Nullable Instant expiresAt) {
        Actor actor = access.requireActor();
        String trimmed = name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            return Outcome.refused(Refusal.invalid("name", SharedRefusals.NAME_LENGTH));
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return Outcome.refused(Refusal.invalid("expiresAt", IdentityRefusals.NOT_IN_THE_FUTURE));
        }
        String secret = Secrets.newToken();
        ApiToken token = tokens.save(ApiToken.issue(actor.id(), trimmed, Secrets.tokenDigest(secret), now, expiresAt));
        changes.publish(actor.ref(), Change.API_TOKEN_ISSUED, token.view().id().toString(), null, token.snapshot());
        return Outcome.done(new IssuedToken(token.view(), secret));
    }

    /** The signed-in user's tokens, newest first. */
    @Transactional(readOnly = true)
    List<TokenView> mine() {
        return tokens.findByUser(access.requireActor().id().value()).stream()
                .map(ApiToken::view)
                .toList();
    }

    /** Revokes one of the signed-in user's tokens; another user's token is as good as absent. */
    @Transactional
    Outcome<TokenView> revoke(UUID tokenId) {
        Actor actor = access.requireActor();
        return tokens.findById(tokenId)
                .filter(token -> token.belongsTo(actor.id()))
                .<Outcome<TokenView>>map(token -> {
                    String before = token.snapshot();
                    token.revoke(clock.instant());
                    tokens.save(token);
                    changes.publish(
                            actor.ref(), Change.API_TOKEN_REVOKED, tokenId.toString(), before, token.snapshot());
                    return Outcome.done(token.view());
                })
                .orElseGet(() -> Outcome.refused(Refusal.notFound("token " + tokenId)));
    }
}
