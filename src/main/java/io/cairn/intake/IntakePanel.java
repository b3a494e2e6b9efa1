package io.cairn.intake;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentPageSection;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The part of the incident page that the intake module knows: the questions and answers of the report as they were
 * asked, and the files that came with it. The incident page loads it with htmx, so that the incidents module need
 * not know intake.
 */
@Controller
class IntakePanel implements IncidentPageSection {

    private final IntakeManagement intake;
    private final IncidentManagement incidents;
    private final Attachments attachments;

    IntakePanel(IntakeManagement intake, IncidentManagement incidents, Attachments attachments) {
        this.intake = intake;
        this.incidents = incidents;
        this.attachments = attachments;
    }

    @Override
    public String id() {
        return "intake";
    }

    @Override
    public String path(IncidentId incident) {
        return "/incidents/" + incident + "/intake";
    }

    @Override
    public Place place() {
        return Place.MAIN;
    }

    @GetMapping("/incidents/{id}/intake")
    String panel(@PathVariable IncidentId id, Model model) {
        if (incidents.incident(id).isEmpty()) {
            return "portal/intake-panel :: nothing";
        }
        List<AnswerAsked> answers = intake.answers(id).orElse(List.of());
        List<AttachmentView> files = attachments.of(id);
        if (answers.isEmpty() && files.isEmpty()) {
            return "portal/intake-panel :: nothing";
        }
        model.addAttribute("incidentId", id);
        model.addAttribute("answers", answers);
        model.addAttribute("attachments", files);
        return "portal/intake-panel :: panel";
    }
}
