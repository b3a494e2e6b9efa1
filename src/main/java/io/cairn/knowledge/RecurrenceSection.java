package io.cairn.knowledge;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentPageSection;
import io.cairn.shared.Outcome;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The recurrence flag under the incident's header ("Recurring: like INC-12 (same asset)") for handlers and
 * coordinators who may see the incident, and the coordinators' list of recurring incidents ({@code /recurrences}).
 */
@Controller
class RecurrenceSection implements IncidentPageSection {

    private final KnowledgeManagement knowledge;

    RecurrenceSection(KnowledgeManagement knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public String id() {
        return "recurrence";
    }

    @Override
    public String path(IncidentId incident) {
        return "/incidents/" + incident + "/recurrence";
    }

    @Override
    public Place place() {
        return Place.HEADER;
    }

    @GetMapping("/incidents/{id}/recurrence")
    String section(@PathVariable IncidentId id, Model model) {
        return knowledge
                .recurrence(id)
                .map(recurrence -> {
                    model.addAttribute("recurrence", recurrence);
                    return "knowledge/sections :: recurrence";
                })
                .orElse("knowledge/sections :: no-recurrence");
    }

    @GetMapping("/recurrences")
    String list(Model model) {
        Outcome<List<Recurrence>> recurring = knowledge.recurringIncidents(200);
        if (recurring instanceof Outcome.Refused<List<Recurrence>> refused) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, refused.refusal().message());
        }
        model.addAttribute("recurrences", ((Outcome.Done<List<Recurrence>>) recurring).value());
        return "knowledge/recurrences";
    }
}
