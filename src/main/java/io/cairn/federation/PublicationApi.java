package io.cairn.federation;

import io.cairn.incidents.IncidentId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sharing an incident with this instance's customers: the share decision of handlers who may handle it. */
@RestController
@RequestMapping("/api/v1/incidents/{id}/publication")
@Tag(
        name = "Publication",
        description = "Sharing an incident with the customers subscribed to it: whom to, the words sent, changes and "
                + "retraction. For handlers who may handle the incident; TLP:RED never leaves.")
class PublicationApi {

    /**
     * Subscriptions to publish the incident to, with the words for its first publication.
     *
     * @param subscriptions ids of active subscriptions the incident matches and that do not receive it yet
     * @param words the words sent; only for the first publication (later ones change with PUT), each part optional
     * @param version the publication's version the caller read; left out for the first publication
     * @param namesProviderConfirmed for a received incident: true lets the words name the provider they came from
     */
    record Publish(
            @Nullable List<String> subscriptions,
            PublicationWords.@Nullable Given words,
            @Nullable Long version,
            @Nullable Boolean namesProviderConfirmed) {}

    /**
     * New words, with the publication's version the caller read.
     *
     * @param namesProviderConfirmed for a received incident: true lets the words name the provider they came from
     */
    record Reword(
            @Nullable String summary,
            @Nullable List<String> recommendedActions,
            PublicationWords.@Nullable GivenPersonalData personalData,
            @Nullable String pap,
            @Nullable Integer hopBudget,
            @Nullable Long version,
            @Nullable Boolean namesProviderConfirmed) {}

    /** Why the incident is retracted, with the publication's version the caller read. */
    record Retraction(@Nullable String reason, @Nullable Long version) {}

    private final Publishing publishing;

    PublicationApi(Publishing publishing) {
        this.publishing = publishing;
    }

    @Operation(
            operationId = "getPublication",
            summary = "What is shared of an incident",
            description = "Whether it is published, what its marking allows, the words sent (or proposed), and the "
                    + "subscriptions it matches or reaches.")
    @GetMapping
    PublicationState state(@PathVariable IncidentId id) {
        return publishing.state(id).orRefuse();
    }

    @Operation(
            operationId = "publishIncident",
            summary = "Publish an incident to subscriptions",
            description = "The first time with its words (a new exchange id, version 1); later to more subscriptions, "
                    + "naming the version read. TLP:RED is refused. For an incident received from a provider this "
                    + "relays it: TLP:AMBER+STRICT, a received hop budget of 0 and a retraction by the provider are "
                    + "refused (409); the hop budget may be at most the received one less one, the PAP no lower than "
                    + "the incident's, and a text that names the provider is refused (400, naming the field) unless "
                    + "`namesProviderConfirmed` is true.")
    @ApiResponse(responseCode = "200", description = "Published; what is shared now")
    @ApiResponse(responseCode = "409", description = "TLP:RED, retracted, or another change came first.")
    @PostMapping
    PublicationState publish(@PathVariable IncidentId id, @Valid @RequestBody Publish publish) {
        return publishing
                .publish(
                        id,
                        publish.subscriptions(),
                        publish.words(),
                        publish.version(),
                        Boolean.TRUE.equals(publish.namesProviderConfirmed()))
                .orRefuse();
    }

    @Operation(
            operationId = "rewordPublication",
            summary = "Change the words sent with a published incident",
            description = "A new version goes to the whole audience. Names the version read.")
    @ApiResponse(responseCode = "200", description = "Changed; what is shared now")
    @ApiResponse(responseCode = "409", description = "Not published, retracted, or another change came first.")
    @PutMapping
    PublicationState reword(@PathVariable IncidentId id, @Valid @RequestBody Reword reword) {
        return publishing
                .reword(
                        id,
                        new PublicationWords.Given(
                                reword.summary(),
                                reword.recommendedActions(),
                                reword.personalData(),
                                reword.pap(),
                                reword.hopBudget()),
                        reword.version(),
                        Boolean.TRUE.equals(reword.namesProviderConfirmed()))
                .orRefuse();
    }

    @Operation(
            operationId = "retractPublication",
            summary = "Retract a published incident",
            description = "A retraction with the reason goes to the whole audience; the incident is published no "
                    + "more. Names the version read.")
    @ApiResponse(responseCode = "200", description = "Retracted")
    @ApiResponse(responseCode = "409", description = "Not published, retracted already, or another change came first.")
    @PostMapping("/retraction")
    PublicationState retract(@PathVariable IncidentId id, @Valid @RequestBody Retraction retraction) {
        return publishing.retract(id, retraction.reason(), retraction.version()).orRefuse();
    }
}
