package io.cairn.incidents;

/** Writes a newly reported incident. */
interface NewIncidents {

    /** Inserts the incident, which must be new, and gives it the next number; its stored version is 0. */
    void insertNew(Incident incident);
}
