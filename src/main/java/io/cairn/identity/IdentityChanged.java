package io.cairn.identity;

import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A user, team, business unit or API token was created or changed.
 *
 * @param objectId the id of the user, team, business unit or token
 */
public record IdentityChanged(
        ActorRef actor,
        Instant at,
        Change change,
        String objectId,
        Optional<String> beforeDigest,
        Optional<String> afterDigest)
        implements AuditableEvent {

    /** What changed, named in the audit trail as the object type and its verb ({@code API_TOKEN_ISSUED} as such). */
    public enum Change {
        API_TOKEN_ISSUED("api-token"),
        API_TOKEN_REVOKED("api-token"),
        USER_CREATED("user"),
        USER_CHANGED("user"),
        USER_PASSWORD_CHANGED("user"),
        USER_PASSWORD_RESET("user"),
        USER_LANGUAGE_CHOSEN("user"),
        TEAM_CREATED("team"),
        TEAM_CHANGED("team"),
        BUSINESS_UNIT_CREATED("business-unit"),
        BUSINESS_UNIT_CHANGED("business-unit");

        private final String objectType;

        Change(String objectType) {
            this.objectType = objectType;
        }

        /** The kind of object that changed, such as {@code api-token}. */
        public String objectType() {
            return objectType;
        }

        /** The change as the audit trail names it, such as {@code api-token.issued}. */
        public String action() {
            String verb = name().substring(objectType.length() + 1)
                    .toLowerCase(Locale.ROOT)
                    .replace('_', '-');
            return objectType + "." + verb;
        }
    }

    @Override
    public String action() {
        return change.action();
    }

    @Override
    public String objectType() {
        return change.objectType();
    }
}
