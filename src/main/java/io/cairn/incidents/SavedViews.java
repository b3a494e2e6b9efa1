package io.cairn.incidents;

import io.cairn.identity.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each user's saved views of the incident list. */
@Component
class SavedViews {

    private final JdbcClient jdbc;

    SavedViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SavedView> of(UserId owner) {
        return jdbc.sql("select id, name, query, created_at from saved_view where owner_id = ? order by lower(name)")
                .param(owner.value())
                .query((row, n) -> new SavedView(
                        new SavedViewId(row.getObject("id", UUID.class)),
                        row.getString("name"),
                        row.getString("query"),
                        row.getTimestamp("created_at").toInstant()))
                .list();
    }

    boolean nameTaken(UserId owner, String name) {
        return jdbc.sql("select count(*) from saved_view where owner_id = ? and lower(name) = lower(?)")
                        .params(owner.value(), name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    SavedView add(UserId owner, String name, String query, Instant now) {
        SavedView view = new SavedView(SavedViewId.random(), name, query, now);
        jdbc.sql("insert into saved_view (id, owner_id, name, query, created_at) values (?, ?, ?, ?, ?)")
                .params(view.id().value(), owner.value(), name, query, Timestamp.from(now))
                .update();
        return view;
    }

    boolean remove(UserId owner, SavedViewId id) {
        return jdbc.sql("delete from saved_view where id = ? and owner_id = ?")
                        .params(id.value(), owner.value())
                        .update()
                == 1;
    }
}
