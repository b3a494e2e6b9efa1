package io.cairn.shared;

/**
 * The party that caused an event: a user (by id and login name) or the system itself.
 *
 * @param id the user's id, or {@code system}
 * @param name the login name shown in the audit trail
 */
public record ActorRef(String id, String name) {

    public static final ActorRef SYSTEM = new ActorRef("system", "system");

    public ActorRef {
        if (id.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("an actor needs an id and a name");
        }
    }
}
