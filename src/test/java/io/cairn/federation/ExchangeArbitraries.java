package io.cairn.federation;

import io.cairn.incidents.Determination;
import io.cairn.incidents.Severity;
import io.cairn.incidents.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Random valid exchange messages and their parts, for the format's properties. */
final class ExchangeArbitraries {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private static final String TEXT_CHARS = "äéøß€中ДЖ \n\t\"\\/<>&'";

    private ExchangeArbitraries() {}

    /**
     * One value of the arbitrary, for tests outside jqwik's engine: jqwik keeps its generators in a store that is not
     * safe for test classes sampling at once, so every sample is taken under one lock.
     */
    static synchronized <T> T sample(Arbitrary<T> arbitrary) {
        return arbitrary.sample();
    }

    static Arbitrary<ExchangeMessage> messages() {
        return Combinators.combine(
                        uuids(),
                        Arbitraries.of(ExchangeMessage.KINDS),
                        text(1, 200),
                        uuids(),
                        incidents(),
                        text(1, 300))
                .as((messageId, kind, publisher, subscription, incident, reason) -> new ExchangeMessage(
                        ExchangeSchema.ID,
                        messageId,
                        kind,
                        NOW,
                        NOW.plus(Duration.ofDays(1)),
                        new ExchangeMessage.Publisher(publisher, "https://provider.example:8443/cairn"),
                        new ExchangeMessage.Recipient("https://customer.example"),
                        subscription,
                        incident,
                        kind.equals("retraction") ? new ExchangeMessage.Retraction(reason) : null,
                        kind.equals("marking")
                                ? new ExchangeMessage.MarkingChange(
                                        reason, incident.tlp().equals("CLEAR") ? "GREEN" : "CLEAR", incident.pap())
                                : null));
    }

    static Arbitrary<ExchangeMessage.Incident> incidents() {
        Arbitrary<Instant> occurred = times().injectNull(0.3);
        return Combinators.combine(
                        Combinators.combine(
                                        uuids(),
                                        Arbitraries.longs().between(1, 1_000_000_000),
                                        text(1, 200),
                                        text(0, 2_000),
                                        codes(),
                                        codes(),
                                        Arbitraries.of(Status.values()).map(Status::code),
                                        Arbitraries.of(Determination.values()).map(Determination::code))
                                .as(Head::new),
                        Arbitraries.of(Severity.values()).map(Severity::code),
                        occurred,
                        Arbitraries.longs().between(0, 86_400_000).injectNull(0.3),
                        times(),
                        Combinators.combine(
                                        services().list().ofMaxSize(4),
                                        text(1, 300).list().ofMaxSize(4),
                                        indicators().list().ofMaxSize(6),
                                        personalData().injectNull(0.4))
                                .as(Parts::new),
                        Combinators.combine(
                                        tlps(),
                                        paps(),
                                        Arbitraries.integers().between(0, 16),
                                        provenance(),
                                        extensions())
                                .as(Marking::new))
                .as((head, severity, occurredAt, detectedAfter, updatedAt, parts, marking) ->
                        new ExchangeMessage.Incident(
                                head.id(),
                                head.version(),
                                head.title(),
                                head.summary(),
                                new ExchangeMessage.Category(head.rsitClass(), head.rsitType()),
                                head.status(),
                                head.determination(),
                                severity,
                                occurredAt,
                                occurredAt == null || detectedAfter == null
                                        ? null
                                        : occurredAt.plusMillis(detectedAfter),
                                updatedAt,
                                parts.services(),
                                parts.actions(),
                                parts.indicators(),
                                parts.personalData(),
                                marking.tlp(),
                                marking.pap(),
                                marking.hopBudget(),
                                marking.provenance(),
                                marking.extensions()));
    }

    private record Head(
            UUID id,
            long version,
            String title,
            String summary,
            String rsitClass,
            String rsitType,
            String status,
            String determination) {}

    private record Parts(
            List<ExchangeMessage.AffectedService> services,
            List<String> actions,
            List<ExchangeMessage.Indicator> indicators,
            ExchangeMessage.PersonalData personalData) {}

    private record Marking(
            String tlp,
            String pap,
            int hopBudget,
            ExchangeMessage.Provenance provenance,
            Map<String, JsonNode> extensions) {}

    static Arbitrary<String> text(int min, int max) {
        return Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars(TEXT_CHARS)
                .ofMinLength(min)
                .ofMaxLength(max)
                .filter(text -> min == 0 || !text.isBlank() || text.length() >= min);
    }

    static Arbitrary<String> codes() {
        Arbitrary<String> word = Arbitraries.strings()
                .withCharRange('a', 'z')
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(12);
        return word.list().ofMinSize(1).ofMaxSize(3).map(words -> String.join("-", words));
    }

    static Arbitrary<UUID> uuids() {
        return Arbitraries.randomValue(random -> new UUID(random.nextLong(), random.nextLong()));
    }

    static Arbitrary<Instant> times() {
        return Arbitraries.longs()
                .between(0, Duration.ofDays(3_650).toSeconds() * 1_000_000)
                .map(micros -> NOW.minus(micros, ChronoUnit.MICROS));
    }

    static Arbitrary<String> tlps() {
        return Arbitraries.of("CLEAR", "GREEN", "AMBER", "AMBER+STRICT");
    }

    static Arbitrary<String> paps() {
        return Arbitraries.of("CLEAR", "GREEN", "AMBER", "RED");
    }

    static Arbitrary<ExchangeMessage.AffectedService> services() {
        return Combinators.combine(uuids(), text(1, 200)).as(ExchangeMessage.AffectedService::new);
    }

    static Arbitrary<ExchangeMessage.Indicator> indicators() {
        return Combinators.combine(codes(), text(1, 500), Arbitraries.of(true, false), tlps())
                .as(ExchangeMessage.Indicator::new);
    }

    static Arbitrary<ExchangeMessage.PersonalData> personalData() {
        return Combinators.combine(
                        Arbitraries.of(true, false),
                        text(1, 100).list().ofMaxSize(3),
                        Arbitraries.longs().between(0, 1_000_000_000_000L),
                        Arbitraries.longs().between(0, 1_000_000_000_000L),
                        text(0, 500),
                        text(0, 500),
                        times().injectNull(0.3))
                .as(ExchangeMessage.PersonalData::new);
    }

    static Arbitrary<ExchangeMessage.Provenance> provenance() {
        Arbitrary<String> segment = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .numeric()
                .withChars("-_")
                .ofMinLength(1)
                .ofMaxLength(60);
        Arbitrary<String> hex =
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
        return Combinators.combine(segment.list().ofSize(5), hex)
                .as((parts, commitment) -> ExchangeMessage.Provenance.compact(String.join(".", parts), commitment));
    }

    /** Extensions in namespaces nobody knows, with values of every JSON kind. */
    static Arbitrary<Map<String, JsonNode>> extensions() {
        Arbitrary<String> key = Combinators.combine(
                        codes(),
                        codes(),
                        Arbitraries.strings()
                                .alpha()
                                .numeric()
                                .withChars("._-")
                                .ofMinLength(1)
                                .ofMaxLength(64))
                .as((namespace, sub, name) -> namespace.replace('-', 'x') + "." + sub + ":" + name);
        return Arbitraries.maps(key, values()).ofMaxSize(4);
    }

    static Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                text(0, 40).map(nodes::stringNode),
                Arbitraries.integers().map(nodes::numberNode),
                Arbitraries.of(true, false).map(nodes::booleanNode),
                Arbitraries.just(nodes.nullNode()));
        return Arbitraries.oneOf(
                scalars,
                scalars.list().ofMaxSize(3).map(list -> {
                    var array = nodes.arrayNode();
                    list.forEach(array::add);
                    return (JsonNode) array;
                }),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), scalars)
                        .ofMaxSize(3)
                        .map(map -> {
                            ObjectNode object = nodes.objectNode();
                            map.forEach(object::set);
                            return (JsonNode) object;
                        }));
    }
}
