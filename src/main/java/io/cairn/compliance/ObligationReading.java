package io.cairn.compliance;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.Language;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Reads obligations as their views: each stage with its status now, names in the reader's language. */
@Component
class ObligationReading {

    private final Obligations obligations;
    private final LegalEntities entities;
    private final Clock clock;

    ObligationReading(Obligations obligations, LegalEntities entities, Clock clock) {
        this.obligations = obligations;
        this.entities = entities;
        this.clock = clock;
    }

    List<ObligationView> ofIncident(IncidentId incident) {
        return views(obligations.ofIncident(incident));
    }

    List<ObligationView> views(List<Obligations.Stored> stored) {
        Map<?, String> names = entities.all().stream()
                .collect(Collectors.toMap(
                        LegalEntities.Stored::id, entity -> entity.profile().name()));
        Instant now = clock.instant();
        return stored.stream().map(o -> view(o, names, now)).toList();
    }

    Optional<ObligationView> one(java.util.UUID id) {
        return obligations.find(id).map(found -> views(List.of(found)).get(0));
    }

    static ObligationView view(Obligations.Stored stored, Map<?, String> names, Instant now) {
        Language language = Language.current();
        Regime rules = stored.rules();
        List<ObligationView.Stage> stages = rules.stages().stream()
                .filter(stage -> stored.stages().containsKey(stage.id()))
                .map(stage -> stage(rules, stage, stored, now, language))
                .toList();
        return new ObligationView(
                stored.id(),
                stored.incident(),
                stored.legalEntity(),
                names.getOrDefault(stored.legalEntity(), stored.legalEntity().toString()),
                rules.id().value(),
                rules.name().in(language),
                rules.version(),
                rules.zone().getId(),
                stored.authority(),
                stored.rebasedAt(),
                stages,
                stored.version(),
                stored.closedAt(),
                stored.closedReason());
    }

    private static ObligationView.Stage stage(
            Regime rules, Regime.Stage stage, Obligations.Stored stored, Instant now, Language language) {
        StageState state = java.util.Objects.requireNonNull(stored.stages().get(stage.id()));
        String recipient = stage.id().equals("supervisory-authority") && stored.authority() != null
                ? stored.authority()
                : stage.recipient().in(language);
        String status = StageStatus.of(state, stage, now);
        if (stored.closedAt() != null && status.equals(StageStatus.CLOSED)) {
            status = StageStatus.NO_LONGER_APPLIES;
        }
        return new ObligationView.Stage(
                stage.id(),
                stage.name().in(language),
                recipient,
                status,
                state.dueAt(),
                state.internalTarget(),
                StageStatus.nextWarning(state, stage, now),
                state.openedAt(),
                state.closedAt());
    }
}
