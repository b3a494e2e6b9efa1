package io.cairn.incidents;

import io.cairn.assets.ServiceId;
import io.cairn.shared.ActorRef;
import java.time.Instant;
import java.util.List;

/**
 * The services an incident affects were named anew.
 *
 * @param services the services it affects after the change, all of them
 * @param before the services it affected before the change
 */
public record IncidentServicesChanged(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Status status,
        List<ServiceId> services,
        List<ServiceId> before,
        String digestBefore,
        String digestAfter)
        implements IncidentChanged.StateChange {

    /** The verb of this change, as the audit trail and the timeline name it. */
    public static final String VERB = "services-changed";

    public IncidentServicesChanged {
        services = List.copyOf(services);
        before = List.copyOf(before);
    }

    @Override
    public String verb() {
        return VERB;
    }
}
