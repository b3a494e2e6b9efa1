package io.cairn.incidents;

/** Writes a newly reported incident. */
interface NewIncidents {

    /** Inserts the incident, which must be new; its stored version is 0. */
    void insertNew(Incident incident);
}
