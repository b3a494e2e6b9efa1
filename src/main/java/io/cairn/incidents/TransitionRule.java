package io.cairn.incidents;

import io.cairn.shared.Refusal;
import java.util.Optional;

/**
 * A rule that another module adds to the lifecycle, such as "a phase is not left while its mandatory playbook steps
 * are open": it may refuse a transition that the lifecycle itself allows, saying why in words the user sees.
 *
 * <p>Implemented as a Spring bean by the module that owns the rule, so that the incidents module never depends on
 * it. Rules are asked after the lifecycle's own checks, inside the transaction of the transition.
 */
public interface TransitionRule {

    /** Why the incident may not move to {@code to} now, or empty when it may. */
    Optional<Refusal> refusal(IncidentView incident, Status to);
}
