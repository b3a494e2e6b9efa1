package io.cairn.isms.schedules;

import io.cairn.isms.procedures.ProcedureCatalogue;
import io.cairn.isms.procedures.ProcedureDefinition;
import io.cairn.isms.procedures.ProcedureType;
import io.cairn.isms.procedures.ProcedureTypeId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The procedure types schedules start, from the module's catalogue (which checks no rights: the scanner has no one
 * signed in): by id or key, with the definition as stored (its form is what runs check values against) and the name in
 * the reader's language.
 */
@Component
class ProcedureTypeLookup {

    private final ProcedureCatalogue catalogue;

    ProcedureTypeLookup(ProcedureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * A procedure type as schedules see it.
     *
     * @param definition as stored: its form is what runs check the values against
     * @param shown the definition in the reader's language, for labels
     */
    record Type(ProcedureTypeId id, ProcedureDefinition definition, boolean retired, ProcedureDefinition shown) {

        String name() {
            return shown.name();
        }
    }

    /** The type with this id (in its text form) or this key. */
    Optional<Type> find(String idOrKey) {
        String wanted = idOrKey.trim();
        Optional<UUID> id = uuid(wanted);
        Optional<ProcedureType> found = id.isPresent()
                ? catalogue.type(new ProcedureTypeId(id.get()))
                : catalogue.types().stream()
                        .filter(type -> type.definition().key().equals(wanted))
                        .findFirst();
        return found.map(this::type);
    }

    Optional<Type> find(ProcedureTypeId id) {
        return catalogue.type(id).map(this::type);
    }

    /** The types runs may start from, by name in the reader's language, for choosing one. */
    List<Type> active() {
        return catalogue.types().stream()
                .filter(type -> !type.retired())
                .map(this::type)
                .sorted(Comparator.comparing(Type::name))
                .toList();
    }

    private Type type(ProcedureType type) {
        return new Type(type.id(), type.definition(), type.retired(), catalogue.shown(type.definition()));
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
