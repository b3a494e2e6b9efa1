package io.cairn.knowledge;

import io.cairn.shared.Language;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored vocabulary of root causes. */
@Repository
class RootCauses {

    /** The labels of the vocabulary the knowledge migration ships, by key: English as stored, and Dutch. */
    static final Map<String, Label> SHIPPED = Map.of(
            "phishing", new Label("Phishing or social engineering", "Phishing of social engineering"),
            "unpatched-vulnerability", new Label("Unpatched vulnerability", "Niet-gedichte kwetsbaarheid"),
            "misconfiguration", new Label("Misconfiguration", "Verkeerde configuratie"),
            "weak-credentials", new Label("Weak or reused credentials", "Zwakke of hergebruikte inloggegevens"),
            "lost-device", new Label("Lost or stolen device", "Verloren of gestolen apparaat"),
            "human-error", new Label("Human error", "Menselijke fout"),
            "third-party", new Label("Third party or supplier", "Derde partij of leverancier"),
            "malware", new Label("Malware", "Malware"),
            "insider", new Label("Insider", "Eigen medewerker (insider)"),
            "unknown", new Label("Unknown", "Onbekend"));

    /**
     * The label to store when someone saves this one: the stored label when it is what they were shown (the shipped
     * label in their language), so that retiring or saving a shipped root cause in Dutch does not rename it.
     */
    static String asStored(RootCause stored, String label) {
        return shown(stored).label().equals(label) ? stored.label() : label;
    }

    /** A shipped label in English and in Dutch. */
    record Label(String english, String dutch) {}

    /** The root cause in the reader's language: a shipped label nobody renamed is shown in Dutch to a Dutch reader. */
    static RootCause shown(RootCause cause) {
        Label shipped = SHIPPED.get(cause.key());
        return shipped == null || !shipped.english().equals(cause.label()) || Language.current() != Language.DUTCH
                ? cause
                : new RootCause(cause.key(), shipped.dutch(), cause.retired(), cause.position(), cause.version());
    }

    private final JdbcClient jdbc;

    RootCauses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RootCause> all() {
        return jdbc.sql("select key, label, retired, position, version from root_cause order by position, key")
                .query(RootCause.class)
                .list();
    }

    Optional<RootCause> find(String key) {
        return jdbc.sql("select key, label, retired, position, version from root_cause where key = :key")
                .param("key", key)
                .query(RootCause.class)
                .optional();
    }

    boolean labelTaken(String label, String exceptKey) {
        return jdbc.sql("select count(*) from root_cause where lower(label) = lower(:label) and key <> :key")
                        .param("label", label)
                        .param("key", exceptKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void add(String key, String label) {
        jdbc.sql("""
                insert into root_cause (key, label, position)
                values (:key, :label, (select coalesce(max(position), 0) + 1 from root_cause))""").param("key", key).param("label", label).update();
    }

    boolean change(String key, String label, boolean retired, long version) {
        return jdbc.sql("""
                update root_cause set label = :label, retired = :retired, version = version + 1
                where key = :key and version = :version""")
                        .param("key", key)
                        .param("label", label)
                        .param("retired", retired)
                        .param("version", version)
                        .update()
                == 1;
    }
}
