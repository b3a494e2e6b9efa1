package io.cairn.isms.runs;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentPageSection;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * On an incident's page, the runs of security procedures that raised it from a finding: those the reader may read,
 * with a link to each. Nothing shows when there is none.
 */
@Controller
class RunsOfIncidentSection implements IncidentPageSection {

    private final ProcedureRuns runs;
    private final IncidentManagement incidents;

    RunsOfIncidentSection(ProcedureRuns runs, IncidentManagement incidents) {
        this.runs = runs;
        this.incidents = incidents;
    }

    @Override
    public String id() {
        return "procedure-runs";
    }

    @Override
    public String path(IncidentId incident) {
        return "/incidents/" + incident + "/procedure-runs";
    }

    @Override
    public Place place() {
        return Place.MAIN;
    }

    @Override
    public int order() {
        return 70;
    }

    @GetMapping("/incidents/{id}/procedure-runs")
    String section(@PathVariable IncidentId id, Model model) {
        if (incidents.incident(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("raisedBy", runs.runsThatRaised(id));
        return "isms/incident-runs :: runs";
    }
}
