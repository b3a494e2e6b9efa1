package io.cairn.isms.procedures;

import io.cairn.isms.ProcedureTypeChanged;
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
 * Adds the procedure types Cairn ships ({@code isms/shipped-procedures.json}: a security review, access to a secure
 * zone, a penetration test, a patching round and an off-boarding, each step naming the ISO/IEC 27001:2022 Annex A
 * controls it evidences, in English with the Dutch words beside them) that the database does not have yet, by key; a
 * type an admin edited or retired is left as it is.
 */
@Component
class ShippedProcedures implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedProcedures.class);

    private final ProcedureTypes types;
    private final ProcedureTypeChecks checks;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ShippedProcedures(
            ProcedureTypes types,
            ProcedureTypeChecks checks,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.types = types;
        this.checks = checks;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (ProcedureDefinition shipped : read()) {
            if (types.exists(shipped.key())) {
                continue;
            }
            if (checks.validate(shipped) instanceof Outcome.Refused<ProcedureDefinition> refused) {
                log.warn(
                        "the shipped procedure '{}' was not added: {}",
                        shipped.key(),
                        refused.refusal().message());
                continue;
            }
            try {
                transactions.executeWithoutResult(status -> {
                    Instant now = clock.instant();
                    types.add(ProcedureTypeId.random(), shipped, ActorRef.SYSTEM.name(), now);
                    events.publishEvent(new ProcedureTypeChanged(
                            shipped.key(),
                            ActorRef.SYSTEM,
                            now,
                            ProcedureTypeChanged.Verb.ADDED,
                            Optional.empty(),
                            Optional.of(ContentDigest.of(ProcedureTypes.document(shipped))
                                    .hex())));
                });
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // several nodes starting at once: one of them added it
            }
        }
    }

    /** The shipped procedure types in English, without their Dutch words. */
    static List<ProcedureDefinition> read() {
        JsonMapper json = JsonMapper.builder().build();
        List<ProcedureDefinition> shipped = new ArrayList<>();
        for (JsonNode node : document()) {
            JsonNode english = node.deepCopy();
            withoutDutch(english);
            shipped.add(json.treeToValue(english, ProcedureDefinition.class));
        }
        return List.copyOf(shipped);
    }

    /** The resource as written: every object with texts has an {@code nl} object with those texts in Dutch. */
    static JsonNode document() {
        try (InputStream in = new ClassPathResource("isms/shipped-procedures.json").getInputStream()) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped procedures are missing from the classpath", e);
        }
    }

    private static void withoutDutch(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("nl");
        }
        node.forEach(ShippedProcedures::withoutDutch);
    }
}
