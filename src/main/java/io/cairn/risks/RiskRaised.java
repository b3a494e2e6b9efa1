package io.cairn.risks;

import io.cairn.shared.ActorRef;
import java.time.Instant;
import java.util.UUID;

/**
 * A risk was registered from a finding of something another module keeps (a run of a security procedure), in the
 * transaction that registered it: the source records it on its own trail.
 *
 * @param kind the kind of thing, as its {@link RiskSource} names it
 * @param origin the thing's id
 */
public record RiskRaised(RiskId risk, String kind, UUID origin, ActorRef actor, Instant at) {}
