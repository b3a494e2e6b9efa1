package io.cairn.federation;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * This instance's calls to a provider peer about subscriptions, signed by {@link PeerClient}: its catalogue, a new
 * subscription, a cancellation. An answer that is not the one expected is a refusal of the field {@code provider}
 * that says what the provider answered: its status and problem, or why its body cannot be read.
 */
@org.springframework.stereotype.Component
class ProviderCalls {

    static final String FIELD = "provider";
    static final String SERVICES = "/federation/v1/services";
    static final String SUBSCRIPTIONS = "/federation/v1/subscriptions";
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_OFFERS = 1000;

    /** Provider answers may carry fields this instance does not know yet; everything else is read strictly. */
    private static final ObjectReader READER =
            ExchangeJson.MAPPER.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final PeerClient client;

    ProviderCalls(PeerClient client) {
        this.client = client;
    }

    /** The services the provider offers this instance. */
    Outcome<List<SubscriptionJson.Offer>> catalogue(PeerView provider) {
        return answer(provider, client.get(provider, SERVICES), 200, SubscriptionJson.Catalogue.class)
                .flatMap(catalogue -> offers(provider, catalogue));
    }

    /** Subscribes at the provider with this filter; its answer, with the id it gave the subscription. */
    Outcome<SubscriptionJson> subscribe(PeerView provider, SubscriptionFilter filter) {
        byte[] body = ExchangeJson.MAPPER.writeValueAsBytes(new SubscriptionJson.Request(
                filter.services().stream().sorted().toList(),
                filter.minSeverity() == null ? null : filter.minSeverity().code(),
                filter.categories()));
        return answer(
                        provider,
                        client.post(provider, SUBSCRIPTIONS, "application/json", body),
                        201,
                        SubscriptionJson.class)
                .flatMap(answer -> checked(provider, answer));
    }

    /**
     * Cancels the subscription at the provider: done when the provider answers it cancelled, or that it does not know
     * it (it is gone there).
     */
    Outcome<Boolean> cancel(PeerView provider, SubscriptionId id) {
        return asProvider(client.delete(provider, SUBSCRIPTIONS + "/" + id)).flatMap(answer -> {
            if (answer.status() == 404) {
                return Outcome.done(false);
            }
            return answer(provider, Outcome.done(answer), 200, SubscriptionJson.class)
                    .flatMap(cancelled -> checked(provider, cancelled))
                    .flatMap(cancelled -> cancelled.state().equals("cancelled")
                                    && cancelled.id().equals(id.value())
                            ? Outcome.done(true)
                            : garbage(provider, "the subscription is not answered cancelled"));
        });
    }

    private static <T> Outcome<T> answer(
            PeerView provider, Outcome<PeerHttp.Answer> sent, int expected, Class<T> type) {
        return asProvider(sent).flatMap(answer -> {
            String text = new String(answer.body(), StandardCharsets.UTF_8);
            if (answer.status() != expected) {
                return Outcome.refused(Refusal.invalid(
                        FIELD,
                        SubscriptionRefusals.PROVIDER_REFUSED,
                        provider.name(),
                        String.valueOf(answer.status()),
                        problem(text)));
            }
            try {
                T read = READER.forType(type).readValue(text);
                return Outcome.done(Objects.requireNonNull(read));
            } catch (JacksonException | NullPointerException e) {
                return garbage(provider, "not the JSON of " + type.getSimpleName());
            }
        });
    }

    /** A failure to reach the peer, which the client names {@code peer}, as a problem of the field {@code provider}. */
    private static Outcome<PeerHttp.Answer> asProvider(Outcome<PeerHttp.Answer> sent) {
        if (sent instanceof Outcome.Refused<PeerHttp.Answer> refused
                && refused.refusal().fields().size() == 1) {
            Refusal refusal = refused.refusal();
            Refusal.FieldProblem problem = refusal.fields().get(0);
            return Outcome.refused(new Refusal(
                    refusal.kind(),
                    FIELD + ": " + problem.message(),
                    List.of(new Refusal.FieldProblem(
                            FIELD, problem.message(), problem.code(), problem.template(), problem.arguments())),
                    refusal.code(),
                    FIELD + ": " + problem.template(),
                    refusal.arguments()));
        }
        return sent;
    }

    private static Outcome<List<SubscriptionJson.Offer>> offers(
            PeerView provider, SubscriptionJson.Catalogue catalogue) {
        List<SubscriptionJson.Offer> offers = catalogue.services();
        if (offers == null || offers.size() > MAX_OFFERS) {
            return garbage(provider, "services must be a list of at most " + MAX_OFFERS);
        }
        java.util.Set<java.util.UUID> seen = new java.util.HashSet<>();
        for (SubscriptionJson.Offer offer : offers) {
            if (offer == null
                    || offer.id() == null
                    || !seen.add(offer.id())
                    || offer.name() == null
                    || offer.name().isBlank()
                    || offer.name().length() > MAX_NAME
                    || (offer.description() != null && offer.description().length() > MAX_DESCRIPTION)) {
                return garbage(
                        provider,
                        "each service needs its own id, a name of at most " + MAX_NAME
                                + " characters and a description of at most " + MAX_DESCRIPTION);
            }
        }
        return Outcome.done(offers.stream()
                .map(o -> new SubscriptionJson.Offer(
                        o.id(), o.name().strip(), Objects.requireNonNullElse(o.description(), "")))
                .toList());
    }

    private static Outcome<SubscriptionJson> checked(PeerView provider, SubscriptionJson answer) {
        if (answer.id() == null
                || answer.services() == null
                || answer.categories() == null
                || answer.createdAt() == null
                || !List.of("active", "cancelled").contains(answer.state())) {
            return garbage(provider, "a subscription needs id, services, categories, state and createdAt");
        }
        return Outcome.done(answer);
    }

    /** The detail of a problem the provider answered, or the start of whatever else it answered. */
    private static String problem(String text) {
        try {
            JsonNode problem = READER.readTree(text);
            String detail = problem.path("detail").asString("");
            if (!detail.isBlank()) {
                return clip(detail);
            }
        } catch (JacksonException e) {
            // not a problem: say what it was
        }
        return text.isBlank() ? "no detail" : clip(text);
    }

    private static String clip(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static <T> Outcome<T> garbage(PeerView provider, String why) {
        return Outcome.refused(Refusal.invalid(FIELD, SubscriptionRefusals.PROVIDER_GARBAGE, provider.name(), why));
    }
}
