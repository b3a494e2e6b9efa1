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

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    BusinessUnit(UUID id, String name, String description, @Nullable Long version) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.version = version;
    }

    static BusinessUnit establish(String name, String description) {
        return new BusinessUnit(UUID.randomUUID(), name, description, null);
    }

    void rename(String name, String description) {
        this.name = name;
        this.description = description;
    }

    BusinessUnitView view() {
        return new BusinessUnitView(new BusinessUnitId(id), name, description, version == null ? 0 : version);
    }

    String snapshot() {
        return "businessUnit{id=" + id + ",name=" + name + ",description=" + description + "}";
    }
}
