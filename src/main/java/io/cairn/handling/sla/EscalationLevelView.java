package io.cairn.handling.sla;

import org.jspecify.annotations.Nullable;

/**
 * An escalation level: whom it notifies of an unacknowledged breach, how long it waits for an acknowledgement,
 * and the level that comes after it.
 *
 * @param notifyKind {@code team}, {@code role} or {@code user}
 * @param notifyTarget the team's id, the role's code (such as {@code coordinator}) or the user's login name
 * @param notifyName how people name the target: the team's name, the role or the user's display name
 * @param waitFor how long it waits for an acknowledgement before the next level, ISO 8601 (such as {@code PT30M})
 * @param next the next level; empty at the end of the chain
 */
public record EscalationLevelView(
        EscalationLevelId id,
        String name,
        String notifyKind,
        String notifyTarget,
        String notifyName,
        String waitFor,
        @Nullable EscalationLevelId next,
        long version) {}
