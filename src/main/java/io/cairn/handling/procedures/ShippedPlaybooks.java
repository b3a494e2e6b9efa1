package io.cairn.handling.procedures;

import io.cairn.handling.PlaybookChanged;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adds the playbooks Cairn ships ({@code handling/shipped-playbooks.json}, after NIST SP 800-61, in English with their
 * Dutch text beside it) that the database does not have yet, by key; a playbook an admin edited or retired is left as
 * it is. A shipped playbook that would overlap one an admin made for the same category is not added, with a warning.
 */
@Component
class ShippedPlaybooks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedPlaybooks.class);

    private final Playbooks playbooks;
    private final PlaybookChecks checks;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ShippedPlaybooks(
            Playbooks playbooks,
            PlaybookChecks checks,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.playbooks = playbooks;
        this.checks = checks;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (PlaybookDefinition shipped : read()) {
            if (playbooks.exists(shipped.key())) {
                continue;
            }
            Outcome<PlaybookDefinition> valid = checks.validate(shipped, null, true);
            if (valid instanceof Outcome.Refused<PlaybookDefinition> refused) {
                log.warn(
                        "the shipped playbook '{}' was not added: {}",
                        shipped.key(),
                        refused.refusal().message());
                continue;
            }
            try {
                transactions.executeWithoutResult(status -> {
                    Instant now = clock.instant();
                    playbooks.add(PlaybookId.random(), shipped, ActorRef.SYSTEM.name(), now);
                    events.publishEvent(new PlaybookChanged(
                            shipped.key(),
                            ActorRef.SYSTEM,
                            now,
                            PlaybookChanged.Verb.ADDED,
                            Optional.empty(),
                            Optional.of(ContentDigest.of(Playbooks.document(shipped))
                                    .hex())));
                });
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // several nodes starting at once: one of them added it
            }
        }
    }

    static List<PlaybookDefinition> read() {
        return shipped().stream().map(Shipped::english).toList();
    }

    /** A shipped playbook as written in English, and its Dutch text: the same playbook with translated words. */
    record Shipped(PlaybookDefinition english, PlaybookDefinition dutch) {}

    /**
     * The shipped playbooks in both languages. The resource holds each playbook in English with its Dutch text
     * beside it: an {@code nl} object with {@code name} and {@code description} on the playbook, and one with
     * {@code title} and {@code description} on every step.
     */
    static List<Shipped> shipped() {
        try (InputStream in = new ClassPathResource("handling/shipped-playbooks.json").getInputStream()) {
            JsonMapper json = JsonMapper.builder().build();
            List<Shipped> shipped = new ArrayList<>();
            for (JsonNode node : json.readTree(in)) {
                ObjectNode playbook = (ObjectNode) node;
                JsonNode dutch = playbook.remove("nl");
                List<JsonNode> dutchSteps = new ArrayList<>();
                for (JsonNode step : playbook.path("steps")) {
                    dutchSteps.add(((ObjectNode) step).remove("nl"));
                }
                PlaybookDefinition english = json.treeToValue(playbook, PlaybookDefinition.class);
                List<PlaybookStep> steps = new ArrayList<>();
                for (int i = 0; i < english.steps().size(); i++) {
                    PlaybookStep step = english.steps().get(i);
                    steps.add(new PlaybookStep(
                            step.phase(),
                            text(dutchSteps.get(i), "title"),
                            text(dutchSteps.get(i), "description"),
                            step.articles(),
                            step.mandatory(),
                            step.team(),
                            step.due()));
                }
                shipped.add(new Shipped(
                        english,
                        new PlaybookDefinition(
                                english.key(),
                                text(dutch, "name"),
                                text(dutch, "description"),
                                english.categories(),
                                english.template(),
                                steps)));
            }
            return List.copyOf(shipped);
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped playbooks are missing from the classpath", e);
        }
    }

    private static String text(@Nullable JsonNode dutch, String field) {
        return dutch == null ? "" : dutch.path(field).asString("");
    }
}
