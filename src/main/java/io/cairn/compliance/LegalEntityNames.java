package io.cairn.compliance;

import io.cairn.identity.LegalEntityDirectory;
import io.cairn.identity.LegalEntityId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The legal entities by name, for identity's business units that belong to one. */
@Component
class LegalEntityNames implements LegalEntityDirectory {

    private final LegalEntities entities;

    LegalEntityNames(LegalEntities entities) {
        this.entities = entities;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(LegalEntityId id) {
        return entities.find(id).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<LegalEntityId, String> names() {
        Map<LegalEntityId, String> names = new LinkedHashMap<>();
        entities.all().forEach(stored -> names.put(stored.id(), stored.profile().name()));
        return names;
    }
}
