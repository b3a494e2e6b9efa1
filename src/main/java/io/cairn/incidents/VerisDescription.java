package io.cairn.incidents;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * An incident described in VERIS A4 terms (TAX-4): whose actions (actors) did what (actions) to which assets, and how
 * the assets were affected (attributes). Every part is optional and every list may name {@code Unknown}; the values
 * are VERIS's own enumerations, which {@link VerisVocabulary} holds.
 *
 * @param actors at most one per category: {@code external}, {@code internal}, {@code partner} or {@code unknown}
 * @param actions at most one per category: {@code malware}, {@code hacking}, {@code social}, {@code misuse},
 *     {@code physical}, {@code error}, {@code environmental} or {@code unknown}
 * @param assets the assets affected, with who owns and who hosts them
 * @param attributes how the assets were affected
 */
public record VerisDescription(List<Actor> actors, List<Action> actions, Assets assets, Attributes attributes) {

    /** Nothing described. */
    public static final VerisDescription NONE = new VerisDescription(
            List.of(), List.of(), new Assets(List.of(), null, null), new Attributes(null, null, null));

    public VerisDescription {
        actors = listed(actors);
        actions = listed(actions);
        assets = assets == null ? NONE.assets : assets;
        attributes = attributes == null ? NONE.attributes : attributes;
    }

    /** A list as given, none when absent; a missing element is refused, as the client must have meant something. */
    static <T> List<T> listed(@Nullable List<T> given) {
        if (given == null) {
            return List.of();
        }
        if (given.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("must not contain null");
        }
        return List.copyOf(given);
    }

    /** Whether nothing is described. */
    @JsonIgnore
    public boolean isEmpty() {
        return actors.isEmpty() && actions.isEmpty() && assets.isEmpty() && attributes.isEmpty();
    }

    /** The categories of the actors, actions and assets, as the metrics count them. */
    Stream<Categorised> categories() {
        return Stream.of(
                        actors.stream().map(actor -> new Categorised(Part.ACTOR, actor.category())),
                        actions.stream().map(action -> new Categorised(Part.ACTION, action.category())),
                        assets.varieties().stream()
                                .map(variety -> new Categorised(Part.ASSET, VerisVocabulary.assetCategory(variety))))
                .flatMap(parts -> parts)
                .distinct();
    }

    /** A part of the A4 model that has categories. */
    enum Part {
        ACTOR,
        ACTION,
        ASSET
    }

    /** One category of one part, such as the action category {@code hacking}. */
    record Categorised(Part part, String category) {}

    /** One kind of actor: its category, what sort it is and why it acted. */
    public record Actor(String category, List<String> varieties, List<String> motives) {
        public Actor {
            varieties = listed(varieties);
            motives = listed(motives);
        }
    }

    /** One kind of action: its category, what was done and how it got in. */
    public record Action(String category, List<String> varieties, List<String> vectors) {
        public Action {
            varieties = listed(varieties);
            vectors = listed(vectors);
        }
    }

    /**
     * The assets affected, such as {@code S - Database}, with who owns them and where they are hosted.
     *
     * @param ownership such as {@code Victim} or {@code Partner}
     * @param hosting such as {@code Internal} or {@code External shared}
     */
    public record Assets(
            List<String> varieties,
            @Nullable String ownership,
            @Nullable String hosting) {
        public Assets {
            varieties = listed(varieties);
        }

        @JsonIgnore // not a part of the description: derived
        public boolean isEmpty() {
            return varieties.isEmpty() && ownership == null && hosting == null;
        }
    }

    /** How the assets were affected, per pair of the Parkerian hexad; each pair absent when not affected or unknown. */
    public record Attributes(
            @Nullable Confidentiality confidentiality,
            @Nullable Integrity integrity,
            @Nullable Availability availability) {

        @JsonIgnore // not a part of the description: derived
        public boolean isEmpty() {
            return confidentiality == null && integrity == null && availability == null;
        }
    }

    /**
     * Confidentiality and possession: whether data were disclosed ({@code Yes}, {@code Potentially}, {@code No} or
     * {@code Unknown}) and which, with how many records of each when known.
     */
    public record Confidentiality(String dataDisclosure, List<Data> data) {
        public Confidentiality {
            data = listed(data);
        }
    }

    /** Data of one variety, such as {@code Personal}, and how many records of it, when known. */
    public record Data(String variety, @Nullable Long amount) {}

    /** Integrity and authenticity: what was altered, such as {@code Modify data}. */
    public record Integrity(List<String> varieties) {
        public Integrity {
            varieties = listed(varieties);
        }
    }

    /** Availability and utility: what happened, such as {@code Interruption}, and for how long, when known. */
    public record Availability(
            List<String> varieties, @Nullable Duration duration) {
        public Availability {
            varieties = listed(varieties);
        }
    }

    /** How long availability was affected: a unit such as {@code Hours} and, for a unit of time, how many. */
    public record Duration(String unit, @Nullable Long value) {}
}
