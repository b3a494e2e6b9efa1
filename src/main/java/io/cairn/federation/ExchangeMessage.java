package io.cairn.federation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * One message of the incident exchange, format version 1 ({@code urn:cairn:exchange:1}), as its JSON payload reads:
 * a publication, retraction or change of marking, each carrying the whole incident as the publisher now shares it, so
 * that every message is self-contained. On the wire it is the payload of a JWS ({@link ExchangeSignatures}); what a
 * valid one is, the schema and {@link ExchangeValidator} say. {@code docs/federation.md} documents it field by field.
 *
 * @param schema always {@value ExchangeSchema#ID}
 * @param messageId unique per message: the receiver's replay key
 * @param subscription the subscription at the publisher that the message is for
 * @param retraction only for kind {@code retraction}
 * @param markingChange only for kind {@code marking}
 */
@JsonPropertyOrder({
    "schema",
    "messageId",
    "kind",
    "issuedAt",
    "expiresAt",
    "publisher",
    "recipient",
    "subscription",
    "incident",
    "retraction",
    "markingChange"
})
public record ExchangeMessage(
        String schema,
        UUID messageId,
        String kind,
        Instant issuedAt,
        Instant expiresAt,
        Publisher publisher,
        Recipient recipient,
        UUID subscription,
        Incident incident,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Retraction retraction,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable MarkingChange markingChange) {

    /** The kinds of message. */
    public static final List<String> KINDS = List.of("publication", "retraction", "marking");

    /** Who published the message: its display name and its base URL. */
    public record Publisher(String name, String url) {}

    /** Whom the message is for: the subscriber's base URL. */
    public record Recipient(String url) {}

    /** Why the publisher retracted the incident. */
    public record Retraction(String reason) {}

    /** Why the publisher changed the incident's marking, and what it was before. */
    public record MarkingChange(String reason, String previousTlp, String previousPap) {}

    /**
     * The incident as the publisher shares it.
     *
     * @param id the exchange id the publisher minted for it, never its own incident id
     * @param version higher for every later message about it; a receiver applies only a higher one
     * @param occurredAt null when unknown
     * @param detectedAt null when unknown
     * @param personalData null when the publisher states nothing about personal data
     * @param hopBudget how many more times it may be relayed, 0 to 16
     * @param extensions namespaced values that receivers keep and relay unchanged
     */
    @JsonPropertyOrder({
        "id",
        "version",
        "title",
        "summary",
        "category",
        "status",
        "determination",
        "severity",
        "occurredAt",
        "detectedAt",
        "updatedAt",
        "affectedServices",
        "recommendedActions",
        "indicators",
        "personalData",
        "tlp",
        "pap",
        "hopBudget",
        "provenance",
        "extensions"
    })
    public record Incident(
            UUID id,
            long version,
            String title,
            String summary,
            Category category,
            String status,
            String determination,
            String severity,
            @Nullable Instant occurredAt,
            @Nullable Instant detectedAt,
            Instant updatedAt,
            List<AffectedService> affectedServices,
            List<String> recommendedActions,
            List<Indicator> indicators,
            @Nullable PersonalData personalData,
            String tlp,
            String pap,
            int hopBudget,
            Provenance provenance,
            Map<String, JsonNode> extensions) {

        /** The same incident part under another version and provenance entry: an update, or the entry sealed. */
        public Incident revised(long newVersion, Provenance newProvenance) {
            return new Incident(
                    id,
                    newVersion,
                    title,
                    summary,
                    category,
                    status,
                    determination,
                    severity,
                    occurredAt,
                    detectedAt,
                    updatedAt,
                    affectedServices,
                    recommendedActions,
                    indicators,
                    personalData,
                    tlp,
                    pap,
                    hopBudget,
                    newProvenance,
                    extensions);
        }

        public Incident {
            affectedServices = List.copyOf(affectedServices);
            recommendedActions = List.copyOf(recommendedActions);
            indicators = List.copyOf(indicators);
            extensions = Map.copyOf(extensions);
        }
    }

    /** The ENISA RSIT class and type. */
    public record Category(@JsonProperty("class") String rsitClass, String type) {}

    /** A service of the publisher's that the incident affects. */
    public record AffectedService(UUID id, String name) {}

    /** An observable: its type code, its value, whether it indicates compromise, and its own TLP. */
    public record Indicator(String type, String value, boolean ioc, String tlp) {}

    /** What the publisher states about personal data; {@code awareAt} is when it became aware of a breach. */
    @JsonPropertyOrder({
        "breach",
        "dataCategories",
        "approximateSubjects",
        "approximateRecords",
        "likelyConsequences",
        "measuresTaken",
        "awareAt"
    })
    public record PersonalData(
            boolean breach,
            List<String> dataCategories,
            long approximateSubjects,
            long approximateRecords,
            String likelyConsequences,
            String measuresTaken,
            @Nullable Instant awareAt) {

        public PersonalData {
            dataCategories = List.copyOf(dataCategories);
        }
    }

    /**
     * This copy's one sealed provenance entry and its public commitment. Sealed to one chain auditor key, the entry is
     * a JWE compact serialization (a JSON string); to several, the JWE JSON general serialization with one recipient
     * per key (RFC 7516 section 7.2.1, a JSON object), so that each auditor opens it with their own key.
     */
    public record Provenance(JsonNode sealed, String commitment) {

        /** An entry sealed to one key: its compact serialization. */
        public static Provenance compact(String sealed, String commitment) {
            return new Provenance(StringNode.valueOf(sealed), commitment);
        }

        /** The entry as it travels, a compact serialization or the JSON text of the general one. */
        public String sealedText() {
            return sealed.isString() ? sealed.stringValue() : sealed.toString();
        }
    }
}
