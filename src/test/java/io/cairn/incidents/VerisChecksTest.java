package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A VERIS description is checked against VERIS's vocabulary, each problem named by the field that has it; Unknown is
 * allowed everywhere and every part may be left out.
 */
class VerisChecksTest {

    private final VerisVocabulary vocabulary = new VerisVocabulary();
    private final VerisChecks checks = new VerisChecks(vocabulary);

    private static final VerisDescription.Assets NO_ASSETS = new VerisDescription.Assets(List.of(), null, null);
    private static final VerisDescription.Attributes NO_ATTRIBUTES = new VerisDescription.Attributes(null, null, null);

    @Test
    void aFullDescriptionInVerisTermsPasses() {
        VerisDescription description = new VerisDescription(
                List.of(new VerisDescription.Actor("external", List.of("Organized crime"), List.of("Financial"))),
                List.of(
                        new VerisDescription.Action(
                                "hacking", List.of("Use of stolen creds"), List.of("Web application")),
                        new VerisDescription.Action("social", List.of("Phishing"), List.of("Email"))),
                new VerisDescription.Assets(
                        List.of("S - Web application", "P - End-user"), "Victim", "External shared"),
                new VerisDescription.Attributes(
                        new VerisDescription.Confidentiality(
                                "Yes", List.of(new VerisDescription.Data("Personal", 1200L))),
                        new VerisDescription.Integrity(List.of("Modify data")),
                        new VerisDescription.Availability(
                                List.of("Interruption"), new VerisDescription.Duration("Hours", 4L))));

        assertThat(checks.problem(description)).isEmpty();
        assertThat(description.categories())
                .containsExactly(
                        new VerisDescription.Categorised(VerisDescription.Part.ACTOR, "external"),
                        new VerisDescription.Categorised(VerisDescription.Part.ACTION, "hacking"),
                        new VerisDescription.Categorised(VerisDescription.Part.ACTION, "social"),
                        new VerisDescription.Categorised(VerisDescription.Part.ASSET, "server"),
                        new VerisDescription.Categorised(VerisDescription.Part.ASSET, "person"));
    }

    @Test
    void unknownIsAllowedEverywhereAndNothingIsRequired() {
        VerisDescription unknowns = new VerisDescription(
                List.of(
                        new VerisDescription.Actor("unknown", List.of(), List.of()),
                        new VerisDescription.Actor("internal", List.of("Unknown"), List.of("Unknown"))),
                List.of(new VerisDescription.Action("unknown", List.of(), List.of())),
                new VerisDescription.Assets(List.of("Unknown", "S - Unknown"), "Unknown", "Unknown"),
                new VerisDescription.Attributes(
                        new VerisDescription.Confidentiality("Unknown", List.of()),
                        new VerisDescription.Integrity(List.of("Unknown")),
                        new VerisDescription.Availability(
                                List.of("Unknown"), new VerisDescription.Duration("Unknown", null))));

        assertThat(checks.problem(unknowns)).isEmpty();
        assertThat(checks.problem(VerisDescription.NONE)).isEmpty();
        assertThat(VerisDescription.NONE.isEmpty()).isTrue();
    }

    @Test
    void aValueOutsideTheVocabularyIsRefusedNamingItsField() {
        assertThat(field(actions(new VerisDescription.Action("hacking", List.of("SQLi"), List.of("Carrier pigeon")))))
                .contains("actions[0].vectors[0]");
        assertThat(field(actions(new VerisDescription.Action("sorcery", List.of(), List.of()))))
                .contains("actions[0].category");
        assertThat(field(new VerisDescription(
                        List.of(new VerisDescription.Actor("external", List.of("Phishing"), List.of())),
                        List.of(),
                        NO_ASSETS,
                        NO_ATTRIBUTES)))
                .contains("actors[0].varieties[0]");
        assertThat(field(new VerisDescription(
                        List.of(),
                        List.of(),
                        new VerisDescription.Assets(List.of("Database"), null, null),
                        NO_ATTRIBUTES)))
                .contains("assets.varieties[0]");
        assertThat(field(new VerisDescription(
                        List.of(),
                        List.of(),
                        NO_ASSETS,
                        new VerisDescription.Attributes(
                                new VerisDescription.Confidentiality("Maybe", List.of()), null, null))))
                .contains("attributes.confidentiality.dataDisclosure");
    }

    @Test
    void aCategoryOrValueNamedTwiceIsRefused() {
        assertThat(field(actions(
                        new VerisDescription.Action("malware", List.of(), List.of()),
                        new VerisDescription.Action("malware", List.of("Ransomware"), List.of()))))
                .contains("actions[1].category");
        assertThat(field(actions(new VerisDescription.Action("malware", List.of("Worm", "Worm"), List.of()))))
                .contains("actions[0].varieties[1]");
    }

    @Test
    void aPartnerHasNoVarietyAndAnUnknownActorNoMotive() {
        assertThat(field(new VerisDescription(
                        List.of(new VerisDescription.Actor("partner", List.of("Unknown"), List.of())),
                        List.of(),
                        NO_ASSETS,
                        NO_ATTRIBUTES)))
                .contains("actors[0].varieties[0]");
    }

    @Test
    void amountsAreNeverNegativeAndADurationOfNeverHasNoNumber() {
        assertThat(field(new VerisDescription(
                        List.of(),
                        List.of(),
                        NO_ASSETS,
                        new VerisDescription.Attributes(
                                new VerisDescription.Confidentiality(
                                        "Yes", List.of(new VerisDescription.Data("Personal", -1L))),
                                null,
                                null))))
                .contains("attributes.confidentiality.data[0].amount");
        assertThat(field(new VerisDescription(
                        List.of(),
                        List.of(),
                        NO_ASSETS,
                        new VerisDescription.Attributes(
                                null,
                                null,
                                new VerisDescription.Availability(
                                        List.of("Loss"), new VerisDescription.Duration("Never", 3L))))))
                .contains("attributes.availability.duration.value");
    }

    @Test
    void anAssetsCategoryIsTheLetterVerisPutsBeforeIt() {
        assertThat(VerisVocabulary.assetCategory("S - Database")).isEqualTo("server");
        assertThat(VerisVocabulary.assetCategory("U - Laptop")).isEqualTo("user-device");
        assertThat(VerisVocabulary.assetCategory("T - ATM")).isEqualTo("terminal");
        assertThat(VerisVocabulary.assetCategory("Unknown")).isEqualTo("unknown");
        assertThat(VerisVocabulary.assetCategory("Other")).isEqualTo("other");
    }

    @Test
    void everyRsitSuggestionIsAnActionOfTheVocabulary() {
        vocabulary.terms().rsit().forEach((category, suggestion) -> {
            VerisVocabulary.Kind kind = vocabulary.actions().get(suggestion.category());
            assertThat(kind).as(category).isNotNull();
            if (suggestion.variety() != null) {
                assertThat(kind.variety()).as(category).contains(suggestion.variety());
            }
        });
        assertThat(vocabulary.suggestedAction(new Category("fraud", "phishing")))
                .contains(new VerisVocabulary.Suggestion("social", "Phishing"));
        assertThat(vocabulary.suggestedAction(new Category("other", "undetermined")))
                .isEmpty();
    }

    private static VerisDescription actions(VerisDescription.Action... actions) {
        return new VerisDescription(List.of(), List.of(actions), NO_ASSETS, NO_ATTRIBUTES);
    }

    private Optional<String> field(VerisDescription description) {
        return checks.problem(description)
                .map(refusal -> refusal.fields().get(0).field());
    }
}
