package io.cairn.delivery;

/**
 * The SQL of one queue, with its tables' names put in once: a queue's statements differ only in those names.
 */
record QueueStatements(
        QueueTables tables,
        String claim,
        String delivered,
        String failed,
        String log,
        String logDelivered,
        String deadLetters,
        String one,
        String lock,
        String revive,
        String deliveries) {

    private static final String COMMON_COLUMNS =
            "id, state, attempts, next_attempt_at, last_error, created_at, updated_at, delivered_at";

    QueueStatements(QueueTables tables) {
        this(
                tables,
                named(tables, """
                        with due as materialized (
                          select id from {queue}
                          where state = 'pending' and next_attempt_at <= ? and id <> all(?)
                          order by next_attempt_at
                          limit ?
                          for update skip locked)
                        update {queue} q set attempts = q.attempts + 1, next_attempt_at = ?, updated_at = ?
                        from due where q.id = due.id
                        returning q.id, q.attempts, coalesce(q.revived_at, q.created_at) as since"""),
                named(tables, """
                        update {queue} set state = 'delivered', last_error = null, delivered_at = ?, updated_at = ?
                        where id = any(?) and state <> 'delivered'"""),
                named(tables, """
                        update {queue} set state = ?, last_error = ?, next_attempt_at = ?, updated_at = ?
                        where id = ? and attempts = ? and state = 'pending'"""),
                named(tables, "insert into {log} ({reference}, attempt, at, succeeded, detail) values (?, ?, ?, ?, ?)"),
                named(tables, """
                        insert into {log} ({reference}, attempt, at, succeeded, detail)
                        select d.reference, d.attempt, ?, true, null
                        from unnest(?::uuid[], ?::integer[]) with ordinality as d(reference, attempt, n)
                        order by d.n"""),
                named(
                        tables,
                        "select " + COMMON_COLUMNS + " from {queue} where state = 'dead' "
                                + "order by updated_at desc, id limit ?"),
                named(tables, "select " + COMMON_COLUMNS + " from {queue} where id = ?"),
                named(tables, "select " + COMMON_COLUMNS + " from {queue} where id = ? for update"),
                named(tables, """
                        update {queue} set state = 'pending', attempts = 0, next_attempt_at = ?, revived_at = ?,
                          updated_at = ?
                        where id = ? and state = 'dead'"""),
                named(tables, """
                        select {reference} as reference, attempt, at, succeeded, detail from {log}
                        where {reference} = any(?) order by id"""));
    }

    private static String named(QueueTables tables, String statement) {
        return statement
                .replace("{queue}", tables.queue())
                .replace("{log}", tables.log())
                .replace("{reference}", tables.logReference());
    }
}
