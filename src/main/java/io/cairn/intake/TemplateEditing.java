package io.cairn.intake;

import io.cairn.identity.IdentityManagement;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admins add, revise, retire and order the report templates. Every change publishes a {@link TemplateChanged} that
 * the audit trail records in the same transaction; reports already made keep the questions as they were asked.
 */
@Component
class TemplateEditing {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final ReportTemplates templates;
    private final TemplateRules rules;
    private final IntakeAccess access;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TemplateEditing(
            ReportTemplates templates,
            TemplateRules rules,
            IntakeAccess access,
            IdentityManagement identity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.templates = templates;
        this.rules = rules;
        this.access = access;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /** Adds a template at the end of the list (admin only). */
    @Transactional
    Outcome<ReportTemplate> add(String key, TemplateContent content) {
        Optional<Refusal> refusal = access.requireAdmin("add report templates")
                .or(() -> key.matches("[a-z][a-z0-9-]{0,39}")
                        ? Optional.empty()
                        : Optional.of(Refusal.invalid("key", IntakeRefusals.NOT_A_TEMPLATE_KEY)))
                .or(() -> templates.exists(key)
                        ? Optional.of(Refusal.conflict("key", SharedRefusals.ALREADY_TAKEN))
                        : Optional.empty())
                .or(() -> problems(content));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        templates.add(key, content, identity.requireActor().username(), clock.instant());
        ReportTemplate added = templates.byKey(key).orElseThrow().template();
        publish(key, TemplateChanged.Verb.ADDED, null, added);
        return Outcome.done(added);
    }

    /** Replaces a template's content with a new version (admin only). */
    @Transactional
    Outcome<ReportTemplate> revise(String key, TemplateContent content, long version) {
        Optional<Refusal> refusal = access.requireAdmin("edit report templates").or(() -> problems(content));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        return change(
                key,
                version,
                TemplateChanged.Verb.REVISED,
                stored -> templates.revise(
                        stored, content, version, identity.requireActor().username(), clock.instant()));
    }

    /** Retires a template, or brings a retired one back (admin only). */
    @Transactional
    Outcome<ReportTemplate> retire(String key, boolean retired, long version) {
        Optional<Refusal> refusal = access.requireAdmin("retire report templates");
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        return change(
                key,
                version,
                retired ? TemplateChanged.Verb.RETIRED : TemplateChanged.Verb.RESTORED,
                stored -> templates.retire(stored, retired, version, clock.instant()));
    }

    /** Puts the templates in the given order (admin only); every template's key must be listed once. */
    @Transactional
    Outcome<List<ReportTemplate>> reorder(List<String> keys) {
        Optional<Refusal> refusal = access.requireAdmin("reorder report templates");
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        List<String> stored =
                templates.all().stream().map(t -> t.template().key()).sorted().toList();
        if (!keys.stream().sorted().toList().equals(stored)) {
            return Outcome.refused(Refusal.invalid("keys", IntakeRefusals.NOT_EVERY_TEMPLATE, stored.toString()));
        }
        Instant now = clock.instant();
        for (int i = 0; i < keys.size(); i++) {
            templates.place(keys.get(i), i + 1, now);
        }
        events.publishEvent(new TemplateChanged(
                "*",
                identity.requireActor().ref(),
                now,
                TemplateChanged.Verb.REORDERED,
                Optional.empty(),
                Optional.of(ContentDigest.of(String.join(",", keys)).hex())));
        return Outcome.done(
                templates.all().stream().map(ReportTemplates.Stored::template).toList());
    }

    private Outcome<ReportTemplate> change(
            String key, long version, TemplateChanged.Verb verb, Predicate<ReportTemplates.Stored> change) {
        Optional<ReportTemplates.Stored> found = templates.byKey(key);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("template " + key));
        }
        if (found.get().template().version() != version || !change.test(found.get())) {
            return Outcome.refused(Refusal.stale(version, found.get().template().version()));
        }
        ReportTemplate after = templates.byKey(key).orElseThrow().template();
        publish(key, verb, found.get().template(), after);
        return Outcome.done(after);
    }

    private Optional<Refusal> problems(TemplateContent content) {
        List<Refusal.FieldProblem> problems = rules.problems(content);
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
    }

    private void publish(String key, TemplateChanged.Verb verb, @Nullable ReportTemplate before, ReportTemplate after) {
        events.publishEvent(new TemplateChanged(
                key,
                identity.requireActor().ref(),
                clock.instant(),
                verb,
                Optional.ofNullable(before)
                        .map(b -> ContentDigest.of(json.writeValueAsString(b)).hex()),
                Optional.of(ContentDigest.of(json.writeValueAsString(after)).hex())));
    }
}
