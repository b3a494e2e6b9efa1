package io.cairn.identity;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A group of users who take work together, such as the security team or IT operations. */
@Table("team")
class Team {

    @Id
    private final UUID id;

    private String name;
    private String description;
    private @Nullable UUID businessUnitId;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Team(UUID id, String name, String description, @Nullable UUID businessUnitId, @Nullable Long version) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.businessUnitId = businessUnitId;
        this.version = version;
    }

    static Team form(String name, String description, @Nullable BusinessUnitId businessUnit) {
        return new Team(UUID.randomUUID(), name, description, businessUnit == null ? null : businessUnit.value(), null);
    }

    void rename(String name, String description) {
        this.name = name;
        this.description = description;
    }

    void placeInBusinessUnit(@Nullable BusinessUnitId businessUnit) {
        this.businessUnitId = businessUnit == null ? null : businessUnit.value();
    }

    TeamView view() {
        return new TeamView(
                new TeamId(id),
                name,
                description,
                businessUnitId == null ? null : new BusinessUnitId(businessUnitId),
                version == null ? 0 : version);
    }

    String snapshot() {
        return "team{id=" + id + ",name=" + name + ",description=" + description + ",businessUnit=" + businessUnitId
                + "}";
    }
}
