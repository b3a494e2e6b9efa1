package io.cairn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class EmbeddedPostgresEnvironmentTest {

    private static final Path DIRECTORY = Path.of("target/restart-test-db");

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new EmbeddedPostgresEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static Connection connect(StandardEnvironment environment) throws SQLException {
        return DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
    }

    @Test
    void dataSurvivesARestartOfTheEmbeddedServer() throws SQLException {
        // A clean server removes its directory when it stops: start from nothing.
        environment(Map.of("cairn.embedded-db.data-dir", DIRECTORY.toString(), "cairn.embedded-db.clean", "true"));
        EmbeddedPostgresEnvironment.stop(DIRECTORY);
        StandardEnvironment first = environment(Map.of("cairn.embedded-db.data-dir", DIRECTORY.toString(),
                "cairn.embedded-db.database", "kept"));
        try (Connection connection = connect(first)) {
            assertThat(setting(connection, "fsync")).isEqualTo("on");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
            connection.createStatement().execute("create table stone (name text)");
            connection.createStatement().execute("insert into stone values ('first')");
        }
        EmbeddedPostgresEnvironment.stop(DIRECTORY);

        StandardEnvironment second = environment(Map.of("cairn.embedded-db.data-dir", DIRECTORY.toString(),
                "cairn.embedded-db.database", "kept"));
        try (Connection connection = connect(second);
                ResultSet rows = connection.createStatement().executeQuery("select name from stone")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("first");
        } finally {
            EmbeddedPostgresEnvironment.stop(DIRECTORY);
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("show " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void anExternalDatabaseUrlStartsNoEmbeddedServer() {
        StandardEnvironment environment = environment(Map.of("spring.datasource.url",
                "jdbc:postgresql://db.example:5432/cairn"));
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(
                "jdbc:postgresql://db.example:5432/cairn");
        assertThat(environment.containsProperty("cairn.embedded-db.active")).isFalse();
    }

    @Test
    void refusesADatabaseNameThatIsNotAnIdentifier() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> environment(Map.of(
                "cairn.embedded-db.data-dir", DIRECTORY.toString(), "cairn.embedded-db.database", "x; drop")))
                .hasMessageContaining("cairn.embedded-db.database");
    }
}
