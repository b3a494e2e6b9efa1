package io.cairn.incidents;

/**
 * A section another module adds to the incident page, such as the SLA clocks or the playbook's tasks. The page loads
 * each section with htmx from the module's own path, so that the incidents module need not know the module; the
 * section answers with an empty fragment when it has nothing to show to the signed-in user.
 *
 * <p>Implemented as a Spring bean by the module that owns the section.
 */
public interface IncidentPageSection {

    /** Where on the page a section sits. */
    enum Place {
        /** Right under the incident's header: short, urgent facts such as due times. */
        HEADER,
        /** In the main column, before the timeline. */
        MAIN
    }

    /** The element id of the section on the page, such as {@code sla}. */
    String id();

    /** The path that renders the section for this incident, such as {@code /incidents/{id}/sla}. */
    String path(IncidentId incident);

    /** Where the section sits. */
    Place place();

    /** The order of sections in the same place: lower comes first. */
    default int order() {
        return 100;
    }
}
