package io.cairn.identity;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A part of the organisation (a department, a subsidiary) that incidents and teams belong to. */
@Table("business_unit")
class BusinessUnit {

    @Id
    private final UUID id;

    private String name;
    private String description;
    private @Nullable UUID legalEntity;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    BusinessUnit(UUID id, String name, String description, @Nullable UUID legalEntity, @Nullable Long version) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.legalEntity = legalEntity;
        this.version = version;
    }

    static BusinessUnit establish(BusinessUnitDefinition definition) {
        BusinessUnit unit =
                new BusinessUnit(UUID.randomUUID(), definition.name(), definition.description(), null, null);
        unit.redefine(definition);
        return unit;
    }

    /** Gives the unit its new name, description and legal entity. */
    void redefine(BusinessUnitDefinition definition) {
        this.name = definition.name();
        this.description = definition.description();
        this.legalEntity = definition.legalEntity() == null
                ? null
                : definition.legalEntity().value();
    }

    BusinessUnitView view() {
        return new BusinessUnitView(
                new BusinessUnitId(id),
                name,
                description,
                legalEntity == null ? null : new LegalEntityId(legalEntity),
                version == null ? 0 : version);
    }

    String snapshot() {
        String base = "businessUnit{id=" + id + ",name=" + name + ",description=" + description;
        // units without a legal entity keep the snapshot they had, so earlier digests stay comparable
        return legalEntity == null ? base + "}" : base + ",legalEntity=" + legalEntity + "}";
    }
}
