package io.cairn.isms.procedures;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry point of security procedures beyond incidents: it checks who may do what and hands each request to the
 * service of its use case. Everyone signed in reads the procedure types (they start runs from them); only admins add,
 * revise, retire and restore them.
 */
@Service
class SecurityProcedures {

    private final IdentityManagement identity;
    private final ProcedureTypeEditing types;

    SecurityProcedures(IdentityManagement identity, ProcedureTypeEditing types) {
        this.identity = identity;
        this.types = types;
    }

    /** Every procedure type, retired ones last, in the reader's language. */
    @Transactional(readOnly = true)
    List<ProcedureType> types() {
        identity.requireActor();
        return types.all();
    }

    @Transactional(readOnly = true)
    Outcome<ProcedureType> type(ProcedureTypeId id) {
        identity.requireActor();
        return types.type(id);
    }

    /** Adds a procedure type (admins); every problem is refused before anything is stored. */
    @Transactional
    Outcome<ProcedureType> addType(ProcedureDefinition definition) {
        return asAdmin("add procedure types", () -> types.add(definition));
    }

    /** Replaces what a procedure type says (admins); runs started before keep their steps. */
    @Transactional
    Outcome<ProcedureType> reviseType(ProcedureTypeId id, ProcedureDefinition definition, long version) {
        return asAdmin("change procedure types", () -> types.revise(id, definition, version));
    }

    /** Retires a procedure type so that no new runs start from it, or restores it (admins). */
    @Transactional
    Outcome<ProcedureType> retireType(ProcedureTypeId id, boolean retired, long version) {
        return asAdmin("retire procedure types", () -> types.retire(id, retired, version));
    }

    /** The controls of ISO/IEC 27001:2022 Annex A that steps may name, in the reader's language. */
    List<AnnexAControl> controls() {
        identity.requireActor();
        return AnnexAControls.all().stream()
                .map(control -> new AnnexAControl(control.number(), control.title()))
                .toList();
    }

    private <T> Outcome<T> asAdmin(String what, Supplier<Outcome<T>> action) {
        if (!identity.requireActor().has(Role.ADMIN)) {
            return Outcome.refused(Refusal.forbidden(SharedRefusals.NEEDS_ROLE, "admin", what));
        }
        return action.get();
    }
}
