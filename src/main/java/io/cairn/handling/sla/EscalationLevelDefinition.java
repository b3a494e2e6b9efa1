package io.cairn.handling.sla;

import org.jspecify.annotations.Nullable;

/**
 * An escalation level as an admin writes it.
 *
 * @param notifyKind {@code team}, {@code role} or {@code user}
 * @param notifyTarget the team's id, the role (such as {@code coordinator}) or the user's login name
 * @param waitFor how long to wait for an acknowledgement before the next level: ISO 8601 ({@code PT30M}) or a short
 *     form such as {@code 30m}, {@code 2h}, {@code 1h30m}
 * @param next the level after this one; empty at the end of the chain
 * @param version the version the admin saw; ignored when creating
 */
public record EscalationLevelDefinition(
        @Nullable String name,
        @Nullable String notifyKind,
        @Nullable String notifyTarget,
        @Nullable String waitFor,
        @Nullable EscalationLevelId next,
        @Nullable Long version) {}
