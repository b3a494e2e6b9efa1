package io.cairn.identity;

import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The rules that a user or team is placed only in teams and business units that exist. */
@Component
class PlacementChecks {

    private final Teams teams;
    private final BusinessUnits businessUnits;

    PlacementChecks(Teams teams, BusinessUnits businessUnits) {
        this.teams = teams;
        this.businessUnits = businessUnits;
    }

    /** Why a user cannot be placed in these teams: the first that does not exist. */
    Optional<Refusal> unknownTeams(Set<TeamId> wanted) {
        Set<UUID> known = teams.findAllById(wanted.stream().map(TeamId::value).toList()).stream()
                .map(team -> team.view().id().value())
                .collect(Collectors.toSet());
        return wanted.stream()
                .filter(id -> !known.contains(id.value()))
                .findFirst()
                .map(id -> Refusal.invalid("teams", SharedRefusals.TEAM_DOES_NOT_EXIST, id.toString()));
    }

    /** Why nothing can be placed in this business unit: it does not exist. */
    Optional<Refusal> unknownBusinessUnit(@Nullable BusinessUnitId id) {
        if (id == null || businessUnits.existsById(id.value())) {
            return Optional.empty();
        }
        return Optional.of(Refusal.invalid("businessUnit", SharedRefusals.BUSINESS_UNIT_DOES_NOT_EXIST, id.toString()));
    }
}
