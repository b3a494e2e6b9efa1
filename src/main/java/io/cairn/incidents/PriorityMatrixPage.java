package io.cairn.incidents;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page of the priority matrix ({@code /admin/priority-matrix}): its size (the number of impact, urgency
 * and priority levels), the labels of the levels and the priority of each cell. A matrix with gaps or bad labels is
 * refused with the problem next to the field; the stored one stays as it was.
 */
@Controller
class PriorityMatrixPage {

    private static final int MAX_LEVELS = 10;

    private final IncidentManagement incidents;
    private final IdentityManagement identity;
    private final org.springframework.context.MessageSource messages;

    PriorityMatrixPage(
            IncidentManagement incidents,
            IdentityManagement identity,
            org.springframework.context.MessageSource messages) {
        this.incidents = incidents;
        this.identity = identity;
        this.messages = messages;
    }

    /** The matrix being edited: labels and cells as entered, a cell empty when not chosen. */
    record Editing(
            List<String> impacts,
            List<String> urgencies,
            List<String> priorities,
            List<List<@Nullable Integer>> cells,
            long version) {}

    @GetMapping("/admin/priority-matrix")
    String show(
            @RequestParam(required = false) @Nullable Integer impacts,
            @RequestParam(required = false) @Nullable Integer urgencies,
            @RequestParam(required = false) @Nullable Integer priorities,
            Model model) {
        requireAdmin();
        PriorityMatrix matrix = incidents.priorityMatrix();
        int rows = size(impacts, matrix.impacts().size());
        int columns = size(urgencies, matrix.urgencies().size());
        int levels = size(priorities, matrix.priorities().size());
        List<List<@Nullable Integer>> cells = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            List<@Nullable Integer> line = new ArrayList<>();
            for (int column = 0; column < columns; column++) {
                Integer cell = row < matrix.impacts().size()
                                && column < matrix.urgencies().size()
                        ? matrix.priorityOf(row + 1, column + 1)
                        : null;
                line.add(cell != null && cell <= levels ? cell : null);
            }
            cells.add(line);
        }
        return page(
                model,
                new Editing(
                        labels(matrix.impacts(), rows),
                        labels(matrix.urgencies(), columns),
                        labels(matrix.priorities(), levels),
                        cells,
                        matrix.version()),
                Map.of());
    }

    @PostMapping("/admin/priority-matrix")
    String save(
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect, java.util.Locale locale) {
        requireAdmin();
        int rows = size(number(form.get("impactCount")), 3);
        int columns = size(number(form.get("urgencyCount")), 3);
        int levels = size(number(form.get("priorityCount")), 4);
        List<String> impacts = texts(form, "impact", rows);
        List<String> urgencies = texts(form, "urgency", columns);
        List<String> priorities = texts(form, "priority", levels);
        List<List<@Nullable Integer>> cells = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            List<@Nullable Integer> line = new ArrayList<>();
            for (int column = 0; column < columns; column++) {
                line.add(number(form.get("cell_" + row + "_" + column)));
            }
            cells.add(line);
        }
        long version = java.util.Optional.ofNullable(number(form.get("version")))
                .orElse(0)
                .longValue();
        @SuppressWarnings("unchecked")
        List<List<Integer>> checked = (List<List<Integer>>) (List<?>) cells;
        Outcome<PriorityMatrix> outcome = incidents.replacePriorityMatrix(
                new PriorityMatrixDefinition(impacts, urgencies, priorities, checked, version));
        if (outcome instanceof Outcome.Refused<PriorityMatrix> refused) {
            Map<String, String> errors = new HashMap<>();
            Refusal refusal = refused.refusal();
            if (refusal.fields().isEmpty()) {
                errors.put("form", refusal.message());
            }
            refusal.fields().forEach(problem -> errors.put(problem.field(), problem.message()));
            model.addAttribute("problem", refusal.message());
            return page(model, new Editing(impacts, urgencies, priorities, cells, version), errors);
        }
        redirect.addFlashAttribute("notice", messages.getMessage("matrix.saved", null, locale));
        return "redirect:/admin/priority-matrix";
    }

    private String page(Model model, Editing matrix, Map<String, String> errors) {
        model.addAttribute("matrix", matrix);
        model.addAttribute("errors", errors);
        model.addAttribute("maxLevels", MAX_LEVELS);
        return "admin/priority-matrix";
    }

    private void requireAdmin() {
        if (!identity.requireActor().has(Role.ADMIN)) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.FORBIDDEN);
        }
    }

    private static int size(@Nullable Integer wanted, int otherwise) {
        int size = wanted == null ? otherwise : wanted;
        return Math.max(1, Math.min(MAX_LEVELS, size));
    }

    private static List<String> labels(List<String> current, int size) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            labels.add(i < current.size() ? current.get(i) : "");
        }
        return labels;
    }

    private static List<String> texts(Map<String, String> form, String prefix, int size) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            texts.add(form.getOrDefault(prefix + "_" + i, "").trim());
        }
        return texts;
    }

    private static @Nullable Integer number(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
