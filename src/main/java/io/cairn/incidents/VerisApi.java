package io.cairn.incidents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Incidents described in VERIS A4 terms, the vocabulary they are described in, and the export to VERIS JSON. */
@RestController
@Tag(name = "Incidents")
class VerisApi {

    /** A description of the incident, all of it, with the incident's version the caller saw; see {@link VerisDescription}. */
    record VerisChange(
            @Nullable List<VerisDescription.@NotNull Actor> actors,
            @Nullable List<VerisDescription.@NotNull Action> actions,
            VerisDescription.@Nullable Assets assets,
            VerisDescription.@Nullable Attributes attributes,
            @NotNull Long version) {

        @SuppressWarnings("NullAway") // the description takes absent parts as none
        VerisDescription description() {
            return new VerisDescription(actors, actions, assets, attributes);
        }
    }

    private final VerisKeeping keeping;
    private final VerisVocabulary vocabulary;
    private final VerisExport export;

    VerisApi(VerisKeeping keeping, VerisVocabulary vocabulary, VerisExport export) {
        this.keeping = keeping;
        this.vocabulary = vocabulary;
        this.export = export;
    }

    @Operation(
            operationId = "readVerisVocabulary",
            summary = "Read the VERIS vocabulary",
            description = "The categories and values a VERIS description may use (the VERIS Community schema's "
                    + "enumerations), and the action Cairn suggests for each RSIT class and type.")
    @GetMapping("/api/v1/veris/vocabulary")
    VerisVocabulary.Terms vocabulary() {
        return vocabulary.terms();
    }

    @Operation(
            operationId = "readIncidentVeris",
            summary = "Read how an incident is described in VERIS",
            description = "Staff who see the incident. The description is empty when nobody recorded one; while it "
                    + "names no action, `suggestedAction` is the one the incident's RSIT category suggests.")
    @GetMapping("/api/v1/incidents/{id}/veris")
    VerisView read(@PathVariable IncidentId id) {
        return keeping.view(id).orRefuse();
    }

    @Operation(
            operationId = "describeIncidentInVeris",
            summary = "Describe an incident in VERIS A4 terms",
            description = "Handlers and coordinators. Replaces the description before, all of it; an empty one "
                    + "removes it. Each category of actor and action at most once; values from the vocabulary "
                    + "(`GET /api/v1/veris/vocabulary`), `Unknown` allowed everywhere. Needs the incident's "
                    + "version the caller saw.")
    @PutMapping("/api/v1/incidents/{id}/veris")
    VerisView describe(@PathVariable IncidentId id, @Valid @RequestBody VerisChange change) {
        return keeping.record(id, change.description(), change.version()).orRefuse();
    }

    @Operation(
            operationId = "exportIncidentVeris",
            summary = "Export an incident as VERIS JSON",
            description = "Staff who see the incident. A record of the VERIS Community schema (1.3) for sharing or "
                    + "anonymised benchmarking: the A4 description, when the incident happened, whether it was "
                    + "confirmed and how it was discovered; neither its title, its description nor any name.")
    @GetMapping("/api/v1/incidents/{id}/veris/export")
    Map<String, Object> export(@PathVariable IncidentId id) {
        return export.of(id).orRefuse();
    }
}
