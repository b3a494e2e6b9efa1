package io.cairn.incidents;

import io.cairn.assets.AssetManagement;
import io.cairn.assets.ServiceId;
import io.cairn.assets.ServiceSummary;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The services incidents affect: handlers name them all at once, on the incident's version. A retired service cannot
 * be newly named, but stays on an incident that named it. Each change is on the timeline and in the audit trail.
 */
@Component
class AffectedServiceKeeping {

    static final int MAX_SERVICES = 50;

    private final IncidentChanges changes;
    private final AffectedServices affected;
    private final AssetManagement assets;

    AffectedServiceKeeping(IncidentChanges changes, AffectedServices affected, AssetManagement assets) {
        this.changes = changes;
        this.affected = affected;
        this.assets = assets;
    }

    /** Whether the signed-in user sees the incident and is staff, who read the services it affects on its page. */
    @Transactional(readOnly = true)
    boolean mayRead(IncidentId id) {
        var actor = changes.actor();
        return IncidentAccess.seesOthersIncidents(actor)
                && changes.seen(actor, id).isPresent();
    }

    /** Whether the signed-in user may name the services the incident affects. */
    @Transactional(readOnly = true)
    boolean mayChange(IncidentId id) {
        return changes.handleable(changes.actor(), id).isPresent();
    }

    /** Names the services the incident affects, replacing those named before, if the caller saw its version. */
    @Transactional
    Outcome<IncidentView> name(IncidentId id, List<ServiceId> services, long version) {
        List<ServiceId> named = services.stream().distinct().toList();
        List<ServiceId> before = affected.of(id);
        return changes.change(
                id,
                version,
                incident -> problem(named, before).or(() -> {
                    incident.nameAffectedServices(changes.now());
                    affected.replace(id, named);
                    return Optional.empty();
                }),
                // the timeline is also the reporter's, who does not read services: it counts them, the trail names them
                incident -> IncidentChanges.details("count", named.size()),
                null,
                (changed, actor, at, digestBefore, digestAfter) -> new IncidentServicesChanged(
                        id, actor, at, changed.status(), named, before, digestBefore, digestAfter));
    }

    /** What is wrong with the services named: a missing or unknown one, too many, or one newly named but retired. */
    private Optional<Refusal> problem(List<ServiceId> named, List<ServiceId> before) {
        if (named.stream().anyMatch(Objects::isNull)) {
            return Optional.of(Refusal.invalid("services", SharedRefusals.MUST_NOT_BE_EMPTY));
        }
        if (named.size() > MAX_SERVICES) {
            return Optional.of(
                    Refusal.invalid("services", IncidentRefusals.TOO_MANY_SERVICES, String.valueOf(MAX_SERVICES)));
        }
        Map<ServiceId, ServiceSummary> known = assets.serviceSummaries(named).stream()
                .collect(Collectors.toMap(ServiceSummary::id, Function.identity()));
        for (ServiceId service : named) {
            ServiceSummary found = known.get(service);
            if (found == null) {
                return Optional.of(Refusal.invalid("services", IncidentRefusals.NOT_A_SERVICE, service.toString()));
            }
            if (found.retired() && !before.contains(service)) {
                return Optional.of(Refusal.invalid("services", IncidentRefusals.SERVICE_RETIRED, found.name()));
            }
        }
        return Optional.empty();
    }
}
