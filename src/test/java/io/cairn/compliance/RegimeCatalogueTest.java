package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regimes in force are the shipped ones, replaced or added to by the files of the admin's directory; a refused
 * file changes nothing, so the server keeps the regimes it had.
 */
class RegimeCatalogueTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    private RegimeCatalogue catalogue() {
        return new RegimeCatalogue(new ComplianceSettings(directory), CLOCK);
    }

    private static String nationalNis2(String version) {
        return RegimeReadingTest.VALID.replace("id: test", "id: nis2").replace("version: \"1\"", "version: " + version);
    }

    @Test
    void withoutADirectoryTheShippedRegimesAreInForce() {
        RegimeCatalogue catalogue = new RegimeCatalogue(new ComplianceSettings(null), CLOCK);

        assertThat(catalogue.current().regimes().keySet())
                .extracting(RegimeId::value)
                .containsExactly("dora", "gdpr", "hipaa", "nis2", "sec-8k");
        assertThat(catalogue.current().refusals()).isEmpty();
        assertThat(catalogue.find(new RegimeId("gdpr")).orElseThrow().source())
                .isEqualTo(RegimeCatalogue.Source.SHIPPED);
    }

    @Test
    void aFileWithAShippedIdReplacesItAndANewIdIsAdded() throws Exception {
        Files.writeString(directory.resolve("nis2-nl.yaml"), nationalNis2("nl-1"));
        Files.writeString(directory.resolve("test.yml"), RegimeReadingTest.VALID);

        RegimeCatalogue catalogue = catalogue();

        RegimeCatalogue.InForce nis2 = catalogue.find(new RegimeId("nis2")).orElseThrow();
        assertThat(nis2.source()).isEqualTo(RegimeCatalogue.Source.OVERRIDE);
        assertThat(nis2.replacesShipped()).isTrue();
        assertThat(nis2.regime().version()).isEqualTo("nl-1");
        assertThat(nis2.file()).isEqualTo("nis2-nl.yaml");
        assertThat(catalogue.find(new RegimeId("test")).orElseThrow().replacesShipped())
                .isFalse();
    }

    @Test
    void aRefusedFileAtStartLeavesTheShippedRegimeInForceAndIsReported() throws Exception {
        Files.writeString(
                directory.resolve("nis2-nl.yaml"), nationalNis2("nl-1").replace("kind: after", "kind: soon"));

        RegimeCatalogue catalogue = catalogue();

        assertThat(catalogue.find(new RegimeId("nis2")).orElseThrow().source())
                .isEqualTo(RegimeCatalogue.Source.SHIPPED);
        assertThat(catalogue.current().refusals())
                .extracting(RegimeProblem::toString)
                .singleElement()
                .asString()
                .startsWith("nis2-nl.yaml:16:13: 'soon' is no clock kind");
    }

    @Test
    void aFileRefusedOnReloadKeepsWhatItGaveBefore() throws Exception {
        Path file = directory.resolve("nis2-nl.yaml");
        Files.writeString(file, nationalNis2("nl-1"));
        RegimeCatalogue catalogue = catalogue();

        Files.writeString(file, nationalNis2("nl-2").replace("triggers:", "triggers: {"));
        RegimeCatalogue.Load load = catalogue.reload();

        assertThat(load.refusals()).hasSize(1);
        assertThat(load.regimes().get(new RegimeId("nis2")).regime().version()).isEqualTo("nl-1");

        Files.writeString(file, nationalNis2("nl-2"));
        assertThat(catalogue
                        .reload()
                        .regimes()
                        .get(new RegimeId("nis2"))
                        .regime()
                        .version())
                .isEqualTo("nl-2");
        Files.delete(file);
        assertThat(catalogue.reload().regimes().get(new RegimeId("nis2")).source())
                .isEqualTo(RegimeCatalogue.Source.SHIPPED);
    }

    @Test
    void twoFilesOfOneRegimeAreRefusedButTheFirst() throws Exception {
        Files.writeString(directory.resolve("a.yaml"), nationalNis2("a"));
        Files.writeString(directory.resolve("b.yaml"), nationalNis2("b"));

        RegimeCatalogue catalogue = catalogue();

        assertThat(catalogue.find(new RegimeId("nis2")).orElseThrow().regime().version())
                .isEqualTo("a");
        assertThat(catalogue.current().refusals())
                .extracting(RegimeProblem::toString)
                .containsExactly("b.yaml:1:1: the regime 'nis2' is also defined by a.yaml");
    }

    @Test
    void aDirectoryThatIsNoneIsReported() {
        RegimeCatalogue catalogue = new RegimeCatalogue(new ComplianceSettings(directory.resolve("missing")), CLOCK);

        assertThat(catalogue.current().refusals())
                .extracting(RegimeProblem::code)
                .containsExactly("compliance.file.no-directory");
        assertThat(catalogue.current().regimes()).hasSize(5);
    }
}
