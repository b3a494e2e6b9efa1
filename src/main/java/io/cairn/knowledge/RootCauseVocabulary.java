package io.cairn.knowledge;

import io.cairn.identity.Actor;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The controlled vocabulary of root causes that reviews choose from: admins add, rename, retire and restore them;
 * shipped labels nobody renamed are shown in the reader's language. Every change publishes a {@link RootCauseChanged}.
 */
@Component
class RootCauseVocabulary {

    private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");

    private final RootCauses rootCauses;
    private final KnowledgeAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RootCauseVocabulary(RootCauses rootCauses, KnowledgeAccess access, ApplicationEventPublisher events, Clock clock) {
        this.rootCauses = rootCauses;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** The root causes, retired ones included, in their order; shipped labels in the reader's language. */
    @Transactional(readOnly = true)
    List<RootCause> rootCauses() {
        return rootCauses.all().stream().map(RootCauses::shown).toList();
    }

    /** Adds a root cause to the vocabulary (admins only). */
    @Transactional
    Outcome<RootCause> add(String key, String label) {
        Actor actor = access.requireActor();
        if (!actor.has(Role.ADMIN)) {
            return Outcome.refused(Refusal.forbidden(KnowledgeRefusals.ONLY_ADMINS_EDIT_ROOT_CAUSES));
        }
        String cleanKey = key.strip();
        String cleanLabel = label.strip();
        if (!KEY.matcher(cleanKey).matches()) {
            return Outcome.refused(Refusal.invalid("key", KnowledgeRefusals.NOT_A_ROOT_CAUSE_KEY));
        }
        Optional<Refusal> problem = labelProblem(cleanLabel, cleanKey);
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        if (rootCauses.find(cleanKey).isPresent()) {
            return Outcome.refused(Refusal.conflict("key", KnowledgeRefusals.ROOT_CAUSE_KEY_TAKEN));
        }
        rootCauses.add(cleanKey, cleanLabel);
        RootCause added = rootCauses.find(cleanKey).orElseThrow();
        events.publishEvent(new RootCauseChanged(
                cleanKey,
                actor.ref(),
                clock.instant(),
                RootCauseChanged.Verb.ADDED,
                Optional.empty(),
                Optional.of(added.digest())));
        return Outcome.done(added);
    }

    /** Renames, retires or restores a root cause (admins only); reviews that chose it keep it. */
    @Transactional
    Outcome<RootCause> change(String key, String label, boolean retired, long version) {
        Actor actor = access.requireActor();
        if (!actor.has(Role.ADMIN)) {
            return Outcome.refused(Refusal.forbidden(KnowledgeRefusals.ONLY_ADMINS_EDIT_ROOT_CAUSES));
        }
        Optional<RootCause> found = rootCauses.find(key);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("root cause " + key));
        }
        RootCause before = found.get();
        String wanted = RootCauses.asStored(before, label.strip());
        Optional<Refusal> problem = labelProblem(wanted, key);
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        if (before.version() != version || !rootCauses.change(key, wanted, retired, version)) {
            return Outcome.refused(Refusal.stale(version, before.version()));
        }
        RootCause after = rootCauses.find(key).orElseThrow();
        events.publishEvent(new RootCauseChanged(
                key,
                actor.ref(),
                clock.instant(),
                before.changeTo(after),
                Optional.of(before.digest()),
                Optional.of(after.digest())));
        return Outcome.done(RootCauses.shown(after));
    }

    /**
     * Why a review may not choose this root cause: it is not in the vocabulary, or it is retired and the review did
     * not have it already ({@code storedKey}).
     */
    Optional<Refusal> choiceProblem(@Nullable String key, @Nullable String storedKey) {
        if (key == null) {
            return Optional.empty();
        }
        Optional<RootCause> cause = rootCauses.find(key);
        if (cause.isEmpty()) {
            return Optional.of(Refusal.invalid("rootCause", KnowledgeRefusals.NOT_A_ROOT_CAUSE, key));
        }
        if (cause.get().retired() && !key.equals(storedKey)) {
            return Optional.of(Refusal.invalid(
                    "rootCause",
                    KnowledgeRefusals.RETIRED_ROOT_CAUSE,
                    cause.get().label()));
        }
        return Optional.empty();
    }

    /** The label of a root cause in the reader's language; its key if it is no longer in the vocabulary. */
    String labelOf(String key) {
        return rootCauses.find(key).map(RootCauses::shown).map(RootCause::label).orElse(key);
    }

    private Optional<Refusal> labelProblem(String label, String key) {
        if (label.isEmpty() || label.length() > 100) {
            return Optional.of(Refusal.invalid("label", SharedRefusals.NAME_LENGTH));
        }
        if (rootCauses.labelTaken(label, key)) {
            return Optional.of(Refusal.conflict("label", KnowledgeRefusals.ROOT_CAUSE_LABEL_TAKEN));
        }
        return Optional.empty();
    }
}
