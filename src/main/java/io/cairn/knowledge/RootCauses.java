package io.cairn.knowledge;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored vocabulary of root causes. */
@Repository
class RootCauses {

    private final JdbcClient jdbc;

    RootCauses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RootCause> all() {
        return jdbc.sql("select key, label, retired, position, version from root_cause order by position, key")
                .query(RootCause.class).list();
    }

    Optional<RootCause> find(String key) {
        return jdbc.sql("select key, label, retired, position, version from root_cause where key = :key")
                .param("key", key).query(RootCause.class).optional();
    }

    boolean labelTaken(String label, String exceptKey) {
        return jdbc.sql("select count(*) from root_cause where lower(label) = lower(:label) and key <> :key")
                .param("label", label).param("key", exceptKey).query(Long.class).single() > 0;
    }

    void add(String key, String label) {
        jdbc.sql("""
                insert into root_cause (key, label, position)
                values (:key, :label, (select coalesce(max(position), 0) + 1 from root_cause))""")
                .param("key", key).param("label", label).update();
    }

    boolean change(String key, String label, boolean retired, long version) {
        return jdbc.sql("""
                update root_cause set label = :label, retired = :retired, version = version + 1
                where key = :key and version = :version""")
                .param("key", key).param("label", label).param("retired", retired).param("version", version)
                .update() == 1;
    }
}
