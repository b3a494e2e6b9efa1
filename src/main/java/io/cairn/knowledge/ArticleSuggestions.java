package io.cairn.knowledge;

import io.cairn.identity.Actor;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.Language;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The articles suggested for an incident: those tagged with its category and those sharing the significant words of
 * its title and description, best first; for staff who may see the incident.
 */
@Component
class ArticleSuggestions {

    private static final Set<String> COMMON_WORDS = Set.of(
            "about", "after", "also", "been", "before", "could", "does", "from", "have", "into", "just", "more", "only",
            "other", "over", "some", "than", "that", "their", "them", "then", "there", "these", "they", "this", "were",
            "what", "when", "which", "while", "with", "would", "your", "zijn", "niet", "maar", "heeft", "hebben",
            "voor", "door", "naar", "deze");

    private final ArticleSearch search;
    private final KnowledgeAccess access;

    ArticleSuggestions(ArticleSearch search, KnowledgeAccess access) {
        this.search = search;
        this.access = access;
    }

    /** The suggestions for an incident, at most {@code limit} (1 to {@value ArticleReading#MAX_HITS}). */
    @Transactional(readOnly = true)
    Optional<List<ArticleHit>> suggestions(IncidentId id, int limit) {
        Actor actor = access.requireActor();
        if (!KnowledgeAccess.readsInternal(actor)) {
            return Optional.empty();
        }
        return access.visibleIncident(id)
                .map(incident -> search.suggestions(
                        incident.category(),
                        wordsOf(incident.title() + " " + incident.description()),
                        KnowledgeAccess.audiences(actor),
                        Math.max(1, Math.min(limit, ArticleReading.MAX_HITS)),
                        Language.current()));
    }

    /** The significant words of an incident's text, for suggestions: long enough, not common, at most 24. */
    static List<String> wordsOf(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() >= 4
                        && !COMMON_WORDS.contains(word)
                        && !word.chars().allMatch(Character::isDigit))
                .distinct()
                .limit(24)
                .toList();
    }
}
