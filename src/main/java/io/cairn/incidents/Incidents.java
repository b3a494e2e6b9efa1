package io.cairn.incidents;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

/** Stored incidents. */
interface Incidents extends CrudRepository<Incident, UUID>, NewIncidents {

    Optional<Incident> findByNumber(long number);
}
