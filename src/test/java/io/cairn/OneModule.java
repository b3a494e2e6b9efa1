package io.cairn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

/**
 * A test of one module on its own (Spring Modulith's {@link ApplicationModuleTest}, the module of the test's package),
 * with no web server, on the embedded PostgreSQL with a fresh database of the whole schema; the beans of other
 * modules it uses are mocked in the test ({@code @MockitoBean}). A test drives the module with a
 * {@link org.springframework.modulith.test.Scenario} parameter: an event in, a state change or an event out.
 *
 * <p>Tagged {@code integration}: the first such test of a JVM takes half a minute and each further module some 15 s
 * on a two-core machine (the module model, the database server, its schema and the module's context), which the
 * fast tier of {@code ./mvnw test} cannot afford.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("integration")
@ApplicationModuleTest
@Import(OneModule.Platform.class)
@TestPropertySource(
        properties = {
            "cairn.embedded-db.data-dir=target/module-test-db",
            "cairn.embedded-db.clean=true",
            "cairn.embedded-db.database=random",
            "cairn.embedded-db.durable=false",
            "spring.main.banner-mode=off"
        })
public @interface OneModule {

    /** What the platform module gives every module: the clock. */
    @TestConfiguration(proxyBeanMethods = false)
    class Platform {

        /** UTC in whole microseconds, as the platform's clock. */
        @Bean
        Clock clock() {
            return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
        }
    }
}
