package io.cairn.handling;

import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds the playbooks Cairn ships ({@code handling/shipped-playbooks.json}, after NIST SP 800-61) that the database
 * does not have yet, by key; a playbook an admin edited or retired is left as it is. A shipped playbook that would
 * overlap one an admin made for the same category is not added, with a warning.
 */
@Component
class ShippedPlaybooks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedPlaybooks.class);

    private final Playbooks playbooks;
    private final ProcedureManagement procedures;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ShippedPlaybooks(Playbooks playbooks, ProcedureManagement procedures, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.playbooks = playbooks;
        this.procedures = procedures;
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
            Outcome<PlaybookDefinition> valid = procedures.validate(shipped, null, true);
            if (valid instanceof Outcome.Refused<PlaybookDefinition> refused) {
                log.warn("the shipped playbook '{}' was not added: {}", shipped.key(), refused.refusal().message());
                continue;
            }
            try {
                transactions.executeWithoutResult(status -> {
                    Instant now = clock.instant();
                    playbooks.add(UUID.randomUUID(), shipped, ActorRef.SYSTEM.name(), now);
                    events.publishEvent(new PlaybookChanged(shipped.key(), ActorRef.SYSTEM, now, "added",
                            Optional.empty(), Optional.of(ContentDigest.of(Playbooks.document(shipped)).hex())));
                });
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // several nodes starting at once: one of them added it
            }
        }
    }

    static List<PlaybookDefinition> read() {
        try (InputStream in = new ClassPathResource("handling/shipped-playbooks.json").getInputStream()) {
            return JsonMapper.builder().build().readValue(in, new TypeReference<List<PlaybookDefinition>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped playbooks are missing from the classpath", e);
        }
    }
}
