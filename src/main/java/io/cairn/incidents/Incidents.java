package io.cairn.incidents;

import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

/** Stored incidents. */
interface Incidents extends CrudRepository<Incident, UUID>, NewIncidents {}
