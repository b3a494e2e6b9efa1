package io.cairn;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test of the whole server on a random port, on the embedded PostgreSQL with a fresh database per application
 * context; the PostgreSQL server and the application context are shared by every test class that uses this with no
 * configuration of its own (such as {@link MailServers.Running}). Tagged {@code integration}: these tests run in
 * {@code ./mvnw verify} (Failsafe), not in the fast tier of {@code ./mvnw test}.
 */
@Tag("integration")
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cairn.embedded-db.data-dir=target/test-db",
            "cairn.embedded-db.clean=true",
            "cairn.embedded-db.database=random",
            "cairn.embedded-db.durable=false",
            // each context (each database) its own audit checkpoint log and key
            "cairn.audit.directory=target/test-audit/${random.uuid}",
            "cairn.admin.password=" + ServerTest.ADMIN_PASSWORD,
            "spring.main.banner-mode=off"
        })
public @interface ServerTest {

    String ADMIN_PASSWORD = "Admin-password-123";
}
