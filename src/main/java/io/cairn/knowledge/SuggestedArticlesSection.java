package io.cairn.knowledge;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentPageSection;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The articles suggested on the incident page, by the incident's category and text, best first; for staff. */
@Controller
class SuggestedArticlesSection implements IncidentPageSection {

    static final int SHOWN = 5;

    private final KnowledgeManagement knowledge;

    SuggestedArticlesSection(KnowledgeManagement knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public String id() {
        return "knowledge";
    }

    @Override
    public String path(IncidentId incident) {
        return "/incidents/" + incident + "/knowledge";
    }

    @Override
    public Place place() {
        return Place.MAIN;
    }

    @Override
    public int order() {
        return 200;
    }

    @GetMapping("/incidents/{id}/knowledge")
    String section(@PathVariable IncidentId id, Model model) {
        List<ArticleHit> suggested = knowledge.suggestions(id, SHOWN).orElse(List.of());
        if (suggested.isEmpty()) {
            return "knowledge/sections :: no-suggestions";
        }
        model.addAttribute("suggested", suggested);
        return "knowledge/sections :: suggestions";
    }
}
