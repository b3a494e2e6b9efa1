package io.cairn.isms.evidence;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentPageSection;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The incident's evidence on its page, for staff who read the incident in full: each item with its kind, description,
 * hash, custodian, place and pending transfer, a link to its page, and for its handlers a form to enter an item, with
 * or without a file. The form posts with htmx and gets this section back, each problem next to its field; a form
 * posted without script is redirected to the incident page.
 */
@Controller
class EvidenceSection implements IncidentPageSection {

    /** The form of a new item; the file travels beside it. */
    record ItemForm(
            @Nullable String kind,
            @Nullable String description,
            @Nullable String source,
            @Nullable String collectedAt,
            @Nullable String collectedBy,
            @Nullable String collectedWhere,
            @Nullable String collectedHow,
            @Nullable String sha256,
            @Nullable String storageLocation) {

        static ItemForm empty() {
            return new ItemForm("", "", "", "", "", "", "", "", "");
        }
    }

    private final EvidenceManagement evidence;
    private final EvidencePageTexts texts;
    private final EvidenceFiles files;

    EvidenceSection(EvidenceManagement evidence, EvidencePageTexts texts, EvidenceFiles files) {
        this.evidence = evidence;
        this.texts = texts;
        this.files = files;
    }

    @Override
    public String id() {
        return "evidence";
    }

    @Override
    public String path(IncidentId incident) {
        return "/incidents/" + incident + "/evidence";
    }

    @Override
    public Place place() {
        return Place.MAIN;
    }

    @Override
    public int order() {
        return 60;
    }

    @GetMapping("/incidents/{id}/evidence")
    String section(@PathVariable IncidentId id, Model model) {
        return show(id, ItemForm.empty(), Map.of(), model);
    }

    @PostMapping("/incidents/{id}/evidence")
    String enter(
            @PathVariable IncidentId id,
            @ModelAttribute ItemForm form,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect)
            throws IOException {
        Outcome<EvidenceView> entered = entered(id, form, file);
        if (entered instanceof Outcome.Refused<EvidenceView> refused) {
            Refusal refusal = refused.refusal();
            Map<String, String> problems = texts.byField(refusal);
            if (!EvidencePageTexts.isHtmx(request)) {
                redirect.addFlashAttribute("problem", String.join("; ", problems.values()));
                return "redirect:/incidents/" + id + "#evidence";
            }
            return show(id, form, problems, model);
        }
        if (!EvidencePageTexts.isHtmx(request)) {
            return "redirect:/incidents/" + id + "#evidence";
        }
        model.addAttribute("added", true);
        return show(id, ItemForm.empty(), Map.of(), model);
    }

    private Outcome<EvidenceView> entered(IncidentId id, ItemForm form, @Nullable MultipartFile file)
            throws IOException {
        Outcome<NewEvidence> item = EvidenceForms.item(
                form.kind(),
                form.description(),
                form.source(),
                form.collectedAt(),
                null,
                form.collectedWhere(),
                form.collectedHow(),
                form.sha256(),
                form.storageLocation());
        Outcome<NewEvidence> collected = item.flatMap(read -> texts.withCollector(read, form.collectedBy()));
        if (file == null
                || file.isEmpty()
                        && (file.getOriginalFilename() == null
                                || file.getOriginalFilename().isBlank())) {
            return collected.flatMap(read -> evidence.collect(id, read));
        }
        InputStream content = file.getInputStream();
        return collected.flatMap(read -> evidence.collectFile(id, read, file.getOriginalFilename(), content));
    }

    private String show(IncidentId id, ItemForm form, Map<String, String> problems, Model model) {
        Outcome<List<EvidenceView>> items = evidence.evidence(id);
        if (!(items instanceof Outcome.Done<List<EvidenceView>> done)) {
            return "isms/evidence :: none";
        }
        model.addAttribute("incidentId", id);
        model.addAttribute("items", done.value());
        model.addAttribute("awaiting", evidence.awaitingMe().size());
        model.addAttribute("collects", evidence.rights(id, null).collects());
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("kinds", EvidenceKind.codes());
        model.addAttribute("limit", files.limit());
        return "isms/evidence :: evidence";
    }
}
