package io.cairn.compliance;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A decision as a user submits it, with the version of the record they read (0 for a first decision).
 *
 * @param result the answer for a kind the decider chooses; for a computed kind, none (or the computed one)
 * @param rationale why (mandatory, for a negative decision as for a positive one)
 * @param overrideReason why the decider chose against what the rules consider likely; where the rules need it
 * @param establishedAt when the facts the decision rests on were established; now when none (GDPR-11)
 * @param inputs the inputs by name, as the kind's {@link DecisionInput}s describe them
 */
public record DecisionRequest(
        @Nullable String result,
        @Nullable String rationale,
        @Nullable String overrideReason,
        @Nullable Instant establishedAt,
        @Nullable Map<String, Object> inputs,
        long version) {}
