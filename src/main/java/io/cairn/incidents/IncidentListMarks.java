package io.cairn.incidents;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Short marks another module shows beside incidents in the handlers' list, such as when an SLA target is due, so that
 * the incidents module need not know the module. Asked once per page, for the incidents on it.
 *
 * <p>Implemented as a Spring bean by the module that owns the marks.
 */
public interface IncidentListMarks {

    /**
     * One mark: its text as a message code with arguments (the page's language picks the words), and a style for the
     * eye, such as {@code on-track}, {@code warning}, {@code breached} or {@code paused}.
     */
    record Mark(String code, List<String> arguments, String style) {

        public Mark {
            arguments = List.copyOf(arguments);
        }
    }

    /** The marks of these incidents, by incident; an incident without a mark is absent. */
    Map<IncidentId, Mark> marksOf(Collection<IncidentId> incidents);
}
