package io.cairn.identity;

import io.cairn.identity.IdentityChanged.Change;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Business units: admins establish and rename them, and every signed-in user sees their names. */
@Component
class BusinessUnitAdministration {

    private final KnownIds<BusinessUnitId> knownBusinessUnits = new KnownIds<>();

    private final IdentityAccess access;
    private final BusinessUnits businessUnits;
    private final IdentityChanges changes;
    private final JdbcClient jdbc;
    private final ObjectProvider<LegalEntityDirectory> legalEntities;

    BusinessUnitAdministration(
            IdentityAccess access,
            BusinessUnits businessUnits,
            IdentityChanges changes,
            JdbcClient jdbc,
            ObjectProvider<LegalEntityDirectory> legalEntities) {
        this.access = access;
        this.businessUnits = businessUnits;
        this.changes = changes;
        this.jdbc = jdbc;
        this.legalEntities = legalEntities;
    }

    /** Establishes a business unit (admin only); its name is not another unit's. */
    @Transactional
    Outcome<BusinessUnitView> create(BusinessUnitDefinition definition) {
        Optional<Refusal> refusal = access.requireRole(Role.ADMIN, "create business units")
                .or(() -> businessUnits
                        .findByName(definition.name())
                        .map(b -> Refusal.conflict("name", SharedRefusals.ALREADY_TAKEN)))
                .or(() -> unknownLegalEntity(definition));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        BusinessUnit unit = BusinessUnit.establish(definition);
        businessUnits.save(unit);
        changes.publish(
                access.requireActor().ref(),
                Change.BUSINESS_UNIT_CREATED,
                unit.view().id().toString(),
                null,
                unit.snapshot());
        return Outcome.done(unit.view());
    }

    /** Renames a business unit (admin only); {@code version} must be the stored one. */
    @Transactional
    Outcome<BusinessUnitView> change(BusinessUnitId id, BusinessUnitDefinition definition, long version) {
        Optional<Refusal> refusal = access.requireRole(Role.ADMIN, "change business units")
                .or(() -> businessUnits
                        .findByName(definition.name())
                        .filter(b -> !b.view().id().equals(id))
                        .map(b -> Refusal.conflict("name", SharedRefusals.ALREADY_TAKEN)))
                .or(() -> unknownLegalEntity(definition));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        return businessUnits
                .findById(id.value())
                .<Outcome<BusinessUnitView>>map(unit -> {
                    if (unit.view().version() != version) {
                        return Outcome.refused(
                                Refusal.stale(version, unit.view().version()));
                    }
                    String before = unit.snapshot();
                    unit.redefine(definition);
                    businessUnits.save(unit);
                    changes.publish(
                            access.requireActor().ref(),
                            Change.BUSINESS_UNIT_CHANGED,
                            id.toString(),
                            before,
                            unit.snapshot());
                    return Outcome.done(unit.view());
                })
                .orElseGet(() -> Outcome.refused(Refusal.notFound("business unit " + id)));
    }

    /** The legal entities a unit may belong to, by id, sorted by name; none without the compliance module. */
    Map<LegalEntityId, String> legalEntityNames() {
        LegalEntityDirectory directory = legalEntities.getIfAvailable();
        return directory == null ? Map.of() : directory.names();
    }

    private Optional<Refusal> unknownLegalEntity(BusinessUnitDefinition definition) {
        LegalEntityId entity = definition.legalEntity();
        LegalEntityDirectory directory = legalEntities.getIfAvailable();
        if (entity == null || (directory != null && directory.exists(entity))) {
            return Optional.empty();
        }
        return Optional.of(
                Refusal.invalid("legalEntity", IdentityRefusals.LEGAL_ENTITY_DOES_NOT_EXIST, entity.toString()));
    }

    /** All business units by name. */
    @Transactional(readOnly = true)
    List<BusinessUnitView> all() {
        return businessUnits.findAllByName().stream().map(BusinessUnit::view).toList();
    }

    /** One business unit. */
    @Transactional(readOnly = true)
    Optional<BusinessUnitView> one(BusinessUnitId id) {
        return businessUnits.findById(id.value()).map(BusinessUnit::view);
    }

    /** Whether the business unit exists; cheaper than loading it. */
    @Transactional(readOnly = true)
    boolean exists(BusinessUnitId id) {
        return knownBusinessUnits.exists(
                id,
                unit -> jdbc.sql("select exists (select 1 from business_unit where id = ?)")
                        .param(unit.value())
                        .query(Boolean.class)
                        .single());
    }

    /** Names of business units by id, for display. */
    @Transactional(readOnly = true)
    Map<BusinessUnitId, String> names() {
        return all().stream().collect(Collectors.toMap(BusinessUnitView::id, BusinessUnitView::name));
    }
}
