package io.cairn.trace;

import io.cairn.audit.CosignerKey;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;

/**
 * The auditor's page for a trail the {@code trace} command exported ({@code --out}): upload it, with any further
 * witness keys the auditor trusts, and see it checked hop by hop as the command checks it, without any key, in the
 * reader's language; a file that is not such a trail is refused next to the field.
 */
@Controller
class TrailPages {

    /** A trail of 64 hops with their messages and proofs stays well under this. */
    static final int MAX_TRAIL_BYTES = 8 << 20;

    static final int MAX_COSIGNATURES = 16;

    private final IdentityManagement identity;
    private final MessageSource messages;

    TrailPages(IdentityManagement identity, MessageSource messages) {
        this.identity = identity;
        this.messages = messages;
    }

    @GetMapping("/audit/trails")
    String form(Model model) {
        requireAuditor();
        model.addAttribute("errors", Map.of());
        model.addAttribute("witnessKeys", "");
        model.addAttribute("minCosignatures", "1");
        return "trace/trails";
    }

    /** One hop as the page shows it: what held and what did not, in the reader's language. */
    record HopView(
            int number,
            String url,
            boolean origin,
            List<String> held,
            @Nullable String problem) {}

    @PostMapping("/audit/trails")
    String check(
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "") String witnessKeys,
            @RequestParam(defaultValue = "1") String minCosignatures,
            Model model,
            Locale locale)
            throws IOException {
        requireAuditor();
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<ChainTrail> trail = trail(file, errors, locale);
        List<CosignerKey> witnesses = witnesses(witnessKeys, errors, locale);
        int needed = cosignatures(minCosignatures, errors, locale);
        model.addAttribute("errors", errors);
        model.addAttribute("witnessKeys", witnessKeys);
        model.addAttribute("minCosignatures", minCosignatures);
        if (errors.isEmpty() && trail.isPresent()) {
            ChainTrailCheck.Verdict verdict = ChainTrailCheck.check(trail.get(), witnesses, needed);
            List<HopView> hops = new ArrayList<>();
            for (int k = 0; k < verdict.hops().size(); k++) {
                ChainTrailCheck.HopVerdict hop = verdict.hops().get(k);
                TrailFinding.Found problem = hop.problem();
                hops.add(new HopView(
                        k + 1,
                        hop.url(),
                        hop.origin(),
                        hop.held().stream().map(found -> text(found, locale)).toList(),
                        problem == null ? null : text(problem, locale)));
            }
            model.addAttribute("trail", trail.get());
            model.addAttribute("verdict", verdict);
            model.addAttribute("hops", hops);
        }
        return "trace/trails";
    }

    private Optional<ChainTrail> trail(@Nullable MultipartFile file, Map<String, String> errors, Locale locale)
            throws IOException {
        if (file == null || file.isEmpty()) {
            errors.put("file", message("trace.trails.file.missing", locale));
            return Optional.empty();
        }
        if (file.getSize() > MAX_TRAIL_BYTES) {
            errors.put("file", message("trace.trails.file.too-large", locale, MAX_TRAIL_BYTES / (1 << 20)));
            return Optional.empty();
        }
        try {
            return Optional.of(
                    ChainWalk.JSON.readValue(new String(file.getBytes(), StandardCharsets.UTF_8), ChainTrail.class));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            errors.put("file", message("trace.trails.file.unreadable", locale));
            return Optional.empty();
        }
    }

    private List<CosignerKey> witnesses(String text, Map<String, String> errors, Locale locale) {
        List<CosignerKey> keys = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Optional<CosignerKey> key = CosignerKey.parse(line);
            if (key.isEmpty()) {
                errors.putIfAbsent("witnessKeys", message("trace.trails.witness-keys.invalid", locale, i + 1));
            }
            key.ifPresent(keys::add);
        }
        return keys;
    }

    private int cosignatures(String text, Map<String, String> errors, Locale locale) {
        try {
            int needed = Integer.parseInt(text.strip());
            if (needed >= 0 && needed <= MAX_COSIGNATURES) {
                return needed;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        errors.put("minCosignatures", message("trace.trails.min-cosignatures.invalid", locale, MAX_COSIGNATURES));
        return 1;
    }

    private String text(TrailFinding.Found found, Locale locale) {
        return messages.getMessage(
                new DefaultMessageSourceResolvable(
                        new String[] {found.finding().key()},
                        found.arguments().toArray(),
                        found.finding().template()),
                locale);
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** The auditors' page; a signed-in user without the role gets 403. */
    private void requireAuditor() {
        if (!identity.requireActor().has(Role.AUDITOR)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "you need the role auditor to check trails");
        }
    }
}
