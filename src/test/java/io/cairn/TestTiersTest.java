package io.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * The split into two tiers cannot rot: every test that starts the whole server (a Spring Boot test of the whole
 * application, or any with a real web server), a browser, a mail server, a PostgreSQL server of its own, another JVM
 * or a second application context is tagged {@value #INTEGRATION}, so that {@code ./mvnw test} leaves it to
 * {@code ./mvnw verify}. A module test ({@link ApplicationModuleTest} without a web server) may stay in the fast tier.
 */
class TestTiersTest {

    static final String INTEGRATION = "integration";

    /**
     * Types whose use means that a test starts something slow; a test that names one of them in its class file (or in
     * one of its nested classes, or its superclasses') is an integration test.
     */
    private static final List<String> SLOW_TYPES = Stream.of(
                    "org.springframework.boot.SpringApplication",
                    "org.springframework.boot.builder.SpringApplicationBuilder",
                    "io.zonky.test.db.postgres.embedded.EmbeddedPostgres",
                    "java.lang.ProcessBuilder",
                    // starts Cairn as a process of its own for the tests that stop and kill it
                    "io.cairn.platform.CairnProcess",
                    "com.icegreen.greenmail.",
                    "org.openqa.selenium.")
            // as the class file writes them (written with dots here, so that this class does not name them itself)
            .map(name -> name.replace('.', '/'))
            .toList();

    @Test
    void everyTestThatStartsTheServerABrowserAMailServerADatabaseOrAProcessIsTaggedIntegration() {
        List<String> untagged = testClasses()
                .filter(test -> startsSomethingSlow(test).isPresent() && !isIntegration(test))
                .map(test -> test.getName() + " (" + startsSomethingSlow(test).orElseThrow() + ")")
                .toList();

        assertThat(untagged)
                .as("tests that start something slow but are not tagged @Tag(\"%s\")", INTEGRATION)
                .isEmpty();
    }

    @Test
    void theRuleSeesServerBrowserClusterAndProcessTestsAndLeavesUnitTestsFast() throws ClassNotFoundException {
        assertThat(testClasses().count()).isGreaterThan(50);
        for (String integration : List.of(
                "io.cairn.incidents.IncidentApiTest",
                "io.cairn.incidents.IncidentPagesBrowserTest",
                "io.cairn.platform.ClusterTest",
                "io.cairn.platform.CrashRestartTest",
                "io.cairn.intake.ScheduledMailIntakeTest")) {
            Class<?> test = Class.forName(integration);
            assertThat(startsSomethingSlow(test)).as(integration).isPresent();
            assertThat(isIntegration(test)).as(integration).isTrue();
        }
        assertThat(startsSomethingSlow(TestTiersTest.class)).isEmpty();
        assertThat(isIntegration(TestTiersTest.class)).isFalse();
    }

    /** What a test starts that makes it an integration test, if anything. */
    static Optional<String> startsSomethingSlow(Class<?> test) {
        MergedAnnotations annotations = MergedAnnotations.from(test, SearchStrategy.TYPE_HIERARCHY);
        MergedAnnotation<SpringBootTest> springBootTest = annotations.get(SpringBootTest.class);
        if (springBootTest.isPresent()) {
            boolean server = springBootTest
                    .getEnum("webEnvironment", SpringBootTest.WebEnvironment.class)
                    .isEmbedded();
            if (server || !annotations.isPresent(ApplicationModuleTest.class)) {
                return Optional.of(server ? "a Spring Boot test with a web server" : "a Spring Boot test");
            }
        }
        for (Class<?> type = test;
                type != null && type.getName().startsWith("io.cairn.");
                type = type.getSuperclass()) {
            Optional<String> named = namedSlowType(type);
            if (named.isPresent()) {
                return named;
            }
        }
        return Optional.empty();
    }

    static boolean isIntegration(Class<?> test) {
        return AnnotationSupport.findRepeatableAnnotations(test, Tag.class).stream()
                .anyMatch(tag -> tag.value().equals(INTEGRATION));
    }

    /** The first slow type that the class file of the type, or of a class nested in it, names. */
    private static Optional<String> namedSlowType(Class<?> type) {
        Path file = testClassesDirectory().resolve(type.getName().replace('.', '/') + ".class");
        String prefix = file.getFileName().toString().replace(".class", "$");
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            List<Path> files = siblings.filter(path ->
                            path.equals(file) || path.getFileName().toString().startsWith(prefix))
                    .toList();
            for (Path classFile : files) {
                // Class names stand in the constant pool as UTF-8 text, as in the source but with slashes.
                String constants = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
                Optional<String> named =
                        SLOW_TYPES.stream().filter(constants::contains).findFirst();
                if (named.isPresent()) {
                    return named.map(slow -> "uses " + slow.replace('/', '.'));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top-level classes under test-classes that hold tests (of their own or inherited). */
    private static Stream<Class<?>> testClasses() {
        Path root = testClassesDirectory();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(path -> path.toString().endsWith(".class")
                            && !path.toString().contains("$"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.stream()
                .map(path -> root.relativize(path)
                        .toString()
                        .replace(".class", "")
                        .replace('/', '.')
                        .replace('\\', '.'))
                .map(name -> ReflectionSupport.tryToLoadClass(name).toOptional())
                .flatMap(Optional::stream)
                .filter(type -> !Modifier.isAbstract(type.getModifiers()))
                .filter(type -> !ReflectionSupport.findMethods(
                                type,
                                method -> AnnotationSupport.isAnnotated(method, Testable.class),
                                HierarchyTraversalMode.TOP_DOWN)
                        .isEmpty());
    }

    private static Path testClassesDirectory() {
        try {
            return Path.of(TestTiersTest.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
