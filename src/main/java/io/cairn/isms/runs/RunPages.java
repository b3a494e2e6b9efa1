package io.cairn.isms.runs;

import io.cairn.isms.procedures.ProcedureCatalogue;
import io.cairn.isms.procedures.ProcedureType;
import io.cairn.isms.procedures.ProcedureTypeId;
import io.cairn.risks.Risk;
import io.cairn.risks.RiskRaising;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of runs: the list with the steps waiting for the reader, the choice of a procedure and its start form, and
 * one page per run with its phases and steps, where its owner moves it on or cancels it.
 */
@Controller
class RunPages {

    private final ProcedureRuns runs;
    private final ProcedureCatalogue catalogue;
    private final RiskRaising risks;
    private final MessageSource messages;

    RunPages(ProcedureRuns runs, ProcedureCatalogue catalogue, RiskRaising risks, MessageSource messages) {
        this.runs = runs;
        this.risks = risks;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @GetMapping("/procedures")
    String list(@RequestParam(required = false) @Nullable String state, Model model) {
        Outcome<RunFilter> filter = RunFilter.of(state, null, 0, RunFilter.MAX_SIZE);
        if (!(filter instanceof Outcome.Done<RunFilter> chosen)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        model.addAttribute("state", chosen.value().state().name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("runs", runs.runs(chosen.value()));
        model.addAttribute("work", runs.myWork());
        model.addAttribute("now", Instant.now());
        return "isms/runs";
    }

    @GetMapping("/procedures/start")
    String choose(Model model) {
        model.addAttribute("types", runs.startable());
        return "isms/run-choose";
    }

    @GetMapping("/procedures/start/{type}")
    String form(@PathVariable ProcedureTypeId type, Model model) {
        return startForm(type, Map.of(), null, Map.of(), model);
    }

    @PostMapping("/procedures/start/{type}")
    String start(
            @PathVariable ProcedureTypeId type,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, given) -> {
            if (name.startsWith("values.") && !given.isEmpty()) {
                values.put(name.substring("values.".length()), given.get(0));
            }
        });
        String owner = form.getFirst("owner");
        Outcome<RunDetails> started = runs.start(new RunStart(type, values, owner));
        if (started instanceof Outcome.Done<RunDetails> done) {
            redirect.addFlashAttribute("notice", done.value().reference());
            return "redirect:/procedures/runs/" + done.value().id();
        }
        Map<String, String> errors = RefusalErrors.answer(started, messages, response);
        return startForm(type, values, owner, errors, model);
    }

    @GetMapping("/procedures/runs/{id}")
    String run(@PathVariable ProcedureRunId id, Model model) {
        return show(found(runs.run(id)), model);
    }

    @PostMapping("/procedures/runs/{id}/advance")
    String advance(@PathVariable ProcedureRunId id, @RequestParam long version, RedirectAttributes redirect) {
        return afterwards(id, runs.advance(id, version), redirect);
    }

    @PostMapping("/procedures/runs/{id}/cancellation")
    String cancel(
            @PathVariable ProcedureRunId id,
            @RequestParam long version,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        return afterwards(id, runs.cancel(id, reason, version), redirect);
    }

    @PostMapping("/procedures/runs/{id}/incidents")
    String raiseIncident(
            @PathVariable ProcedureRunId id,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String description,
            RedirectAttributes redirect) {
        Outcome<RaisedIncident> raised = runs.raiseIncident(id, new Finding(title, description));
        if (raised instanceof Outcome.Refused<RaisedIncident> refused) {
            if (refused.refusal().kind() == Refusal.Kind.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute(
                    "findingProblems",
                    RefusalErrors.byField(refused.refusal(), messages, LocaleContextHolder.getLocale(), f -> f));
            redirect.addFlashAttribute("findingTitle", title);
            redirect.addFlashAttribute("findingDescription", description);
            return "redirect:/procedures/runs/" + id + "#run-findings";
        }
        redirect.addFlashAttribute(
                "notice", ((Outcome.Done<RaisedIncident>) raised).value().reference());
        return "redirect:/procedures/runs/" + id + "#run-findings";
    }

    private String afterwards(ProcedureRunId id, Outcome<RunDetails> outcome, RedirectAttributes redirect) {
        if (outcome instanceof Outcome.Refused<RunDetails> refused) {
            Refusal refusal = refused.refusal();
            if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute(
                    "problem", RefusalErrors.text(refusal, messages, LocaleContextHolder.getLocale()));
        }
        return "redirect:/procedures/runs/" + id;
    }

    private String show(RunDetails run, Model model) {
        model.addAttribute("run", run);
        model.addAttribute("now", Instant.now());
        model.addAttribute("pageAddress", "/procedures/runs/" + run.id());
        // the risks it raised, to readers of the register only (none: the reader does not read the register)
        model.addAttribute(
                "risks",
                risks.raisedFrom(RunRiskSource.KIND, run.id().value()) instanceof Outcome.Done<List<Risk>> done
                        ? done.value()
                        : null);
        model.addAttribute("registersRisks", risks.registers());
        return "isms/run";
    }

    private String startForm(
            ProcedureTypeId id,
            Map<String, String> values,
            @Nullable String owner,
            Map<String, String> errors,
            Model model) {
        ProcedureType type = catalogue
                .type(id)
                .filter(found -> !found.retired())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("type", type);
        model.addAttribute("definition", catalogue.shown(type.definition()));
        model.addAttribute("values", values);
        model.addAttribute("owner", owner == null ? "" : owner);
        model.addAttribute("errors", errors);
        return "isms/run-start";
    }

    static <T> T found(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> done) {
            return done.value();
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
