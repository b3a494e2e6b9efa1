package io.cairn.intake;

import io.cairn.shared.ActorRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds the templates Cairn ships ({@code intake/shipped-templates.json}) that the database does not have yet, by
 * key; a template an admin edited or retired is left as it is.
 */
@Component
class ShippedTemplates implements ApplicationRunner {

    /** One shipped template: its key and content. */
    record Shipped(
            String key,
            TemplateContent.Defaults defaults,
            Texts title,
            Texts summary,
            List<TemplateContent.Question> questions,
            List<Texts> tips) {

        TemplateContent content() {
            return new TemplateContent(title, summary, defaults, questions, tips);
        }
    }

    private final ReportTemplates templates;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ShippedTemplates(ReportTemplates templates, TransactionTemplate transactions, Clock clock) {
        this.templates = templates;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Shipped shipped : read()) {
            if (!templates.exists(shipped.key())) {
                try {
                    transactions.executeWithoutResult(status ->
                            templates.add(shipped.key(), shipped.content(), ActorRef.SYSTEM.name(), clock.instant()));
                } catch (DuplicateKeyException anotherNodeWasFirst) {
                    // several nodes starting at once: one of them added it
                }
            }
        }
    }

    static List<Shipped> read() {
        try (InputStream in = new ClassPathResource("intake/shipped-templates.json").getInputStream()) {
            return JsonMapper.builder().build().readValue(in, new TypeReference<List<Shipped>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped report templates are missing from the classpath", e);
        }
    }
}
