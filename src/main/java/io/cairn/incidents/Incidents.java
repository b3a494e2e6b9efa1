package io.cairn.incidents;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.CrudRepository;

/** Stored incidents. */
interface Incidents extends CrudRepository<Incident, UUID>, NewIncidents {

    Optional<Incident> findByNumber(long number);

    /**
     * The incident, its row locked until the transaction ends ({@code select ... for update}): a command that checks
     * the version the caller saw reads it this way, so that a second writer waits for the first and then sees the
     * version the first one stored.
     */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Incident> findLockedById(UUID id);
}
