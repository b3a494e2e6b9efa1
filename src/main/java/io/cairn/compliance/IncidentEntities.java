package io.cairn.compliance;

import io.cairn.identity.BusinessUnitView;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.LegalEntityId;
import io.cairn.incidents.IncidentView;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The legal entity an incident concerns: that of the incident's business unit; for an incident without one (or a unit
 * without a legal entity), the organisation's only legal entity when it has exactly one; otherwise none, which the
 * incident page explains.
 */
@Component
class IncidentEntities {

    /** How the legal entity was found, or why none was. */
    enum Source {
        BUSINESS_UNIT,
        ONLY_ENTITY,
        NO_BUSINESS_UNIT,
        UNIT_WITHOUT_ENTITY,
        NO_ENTITY
    }

    /** The legal entity found for an incident, and how. */
    record Found(Optional<LegalEntities.Stored> entity, Source source) {}

    private final IdentityManagement identity;
    private final LegalEntities entities;

    IncidentEntities(IdentityManagement identity, LegalEntities entities) {
        this.identity = identity;
        this.entities = entities;
    }

    Found of(IncidentView incident) {
        Optional<LegalEntityId> ofUnit = Optional.ofNullable(incident.businessUnit())
                .flatMap(unit -> identity.businessUnits().stream()
                        .filter(view -> view.id().equals(unit))
                        .findFirst())
                .map(BusinessUnitView::legalEntity);
        if (ofUnit.isPresent()) {
            Optional<LegalEntities.Stored> entity = entities.find(ofUnit.get());
            if (entity.isPresent()) {
                return new Found(entity, Source.BUSINESS_UNIT);
            }
        }
        List<LegalEntities.Stored> all = entities.all();
        if (all.size() == 1) {
            return new Found(Optional.of(all.get(0)), Source.ONLY_ENTITY);
        }
        if (all.isEmpty()) {
            return new Found(Optional.empty(), Source.NO_ENTITY);
        }
        return new Found(
                Optional.empty(),
                incident.businessUnit() == null ? Source.NO_BUSINESS_UNIT : Source.UNIT_WITHOUT_ENTITY);
    }
}
