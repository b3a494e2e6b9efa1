package io.cairn.isms.procedures;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The procedure types as the module's runs and schedules read them: everyone signed in may read a type, so reading
 * one here checks nothing; it is for the rest of the {@code isms} module, which starts runs from a type and shows a
 * run's copy of its definition in the reader's language.
 */
@Service
public class ProcedureCatalogue {

    private final ProcedureTypes types;

    ProcedureCatalogue(ProcedureTypes types) {
        this.types = types;
    }

    /** Every stored type, in English as stored. */
    @Transactional(readOnly = true)
    public List<ProcedureType> types() {
        return types.all();
    }

    /** The stored type, in English as it is stored. */
    @Transactional(readOnly = true)
    public Optional<ProcedureType> type(ProcedureTypeId id) {
        return types.byId(id);
    }

    /** A definition (such as a run's copy) in the reader's language. */
    public ProcedureDefinition shown(ProcedureDefinition definition) {
        return ShippedProcedureTexts.translated(definition, ShippedProcedureTexts::shown);
    }

    /** The controls of ISO/IEC 27001:2022 Annex A in the standard's order, titled in the reader's language. */
    public List<AnnexAControl> controls() {
        return AnnexAControls.all().stream()
                .map(control -> new AnnexAControl(control.number(), control.title()))
                .toList();
    }

    /** The control of this number ({@code 5.18}, or {@code A.5.18}), titled in the reader's language. */
    public Optional<AnnexAControl> control(String number) {
        return AnnexAControls.find(number).map(control -> new AnnexAControl(control.number(), control.title()));
    }

    /** A text of a type in each language Cairn speaks, by language code: for messages to people of either. */
    public Map<String, String> inEachLanguage(String text) {
        return Map.of("en", text, "nl", ShippedProcedureTexts.dutch(text));
    }

    /** A text of a shipped type (such as a phase name) in the reader's language. */
    public String shown(String text) {
        return ShippedProcedureTexts.shown(text);
    }
}
