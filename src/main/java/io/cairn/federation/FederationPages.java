package io.cairn.federation;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' pages of the exchange: the peers with a form to register one, this instance's signing keys with the
 * rotation, and a page per peer to change it, suspend or resume it, fetch its keys anew or remove it. Each problem
 * shows next to its field.
 */
@Controller
class FederationPages {

    /** What an admin entered for a peer; keys as pasted JSON, blank to fetch them. */
    record PeerForm(
            String name,
            String baseUrl,
            String role,
            String keys,
            String businessUnit,
            @Nullable Long version) {

        PeerForm {
            name = name == null ? "" : name;
            baseUrl = baseUrl == null ? "" : baseUrl;
            role = role == null ? "provider" : role;
            keys = keys == null ? "" : keys;
            businessUnit = businessUnit == null ? "" : businessUnit;
        }

        static PeerForm empty() {
            return new PeerForm("", "", "provider", "", "", null);
        }

        static PeerForm of(PeerView peer) {
            String unit = peer.businessUnit() == null ? "" : peer.businessUnit().toString();
            return new PeerForm(peer.name(), peer.baseUrl(), peer.role(), "", unit, peer.version());
        }

        PeerDefinition definition() {
            return new PeerDefinition(name, baseUrl, role, keys, businessUnit);
        }
    }

    private final FederationManagement federation;
    private final IdentityManagement identity;
    private final ThisInstance instance;
    private final MessageSource messages;

    FederationPages(
            FederationManagement federation,
            IdentityManagement identity,
            ThisInstance instance,
            MessageSource messages) {
        this.federation = federation;
        this.identity = identity;
        this.instance = instance;
        this.messages = messages;
    }

    @GetMapping("/admin/peers")
    String list(Model model) {
        requireAdmin();
        return listPage(PeerForm.empty(), Map.of(), model);
    }

    @PostMapping("/admin/peers")
    String register(PeerForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        requireAdmin();
        Outcome<PeerView> registered = federation.registerPeer(form.definition());
        if (registered instanceof Outcome.Done<PeerView> done) {
            redirect.addFlashAttribute(
                    "notice", message("peers.registered", done.value().name()));
            return "redirect:/admin/peers";
        }
        return listPage(form, RefusalErrors.answer(registered, messages, response), model);
    }

    @PostMapping("/admin/peers/keys/rotation")
    String rotate(@Nullable String activeKid, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        requireAdmin();
        Outcome<SigningKeyView> rotated = federation.rotateSigningKey(activeKid);
        if (rotated instanceof Outcome.Done<SigningKeyView> done) {
            redirect.addFlashAttribute(
                    "notice", message("peers.keys.rotated", done.value().kid()));
            return "redirect:/admin/peers";
        }
        return listPage(PeerForm.empty(), RefusalErrors.answer(rotated, messages, response), model);
    }

    @GetMapping("/admin/peers/{id}")
    String peer(@PathVariable PeerId id, Model model) {
        requireAdmin();
        PeerView peer = found(id);
        return peerPage(peer, PeerForm.of(peer), Map.of(), model);
    }

    @PostMapping("/admin/peers/{id}")
    String change(
            @PathVariable PeerId id,
            PeerForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        requireAdmin();
        PeerView peer = found(id);
        if (form.version() == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return peerPage(peer, form, Map.of("form", message("form.version-missing")), model);
        }
        return done(
                federation.changePeer(id, form.definition(), form.version()),
                "peers.changed",
                peer,
                form,
                model,
                redirect,
                response);
    }

    @PostMapping("/admin/peers/{id}/suspension")
    String suspend(
            @PathVariable PeerId id,
            @Nullable Boolean suspended,
            @Nullable Long version,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        requireAdmin();
        PeerView peer = found(id);
        boolean suspend = Boolean.TRUE.equals(suspended);
        return done(
                federation.suspendPeer(id, suspend, version == null ? -1 : version),
                suspend ? "peers.suspended" : "peers.resumed",
                peer,
                PeerForm.of(peer),
                model,
                redirect,
                response);
    }

    @PostMapping("/admin/peers/{id}/keys/refresh")
    String refresh(
            @PathVariable PeerId id,
            @Nullable Long version,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        requireAdmin();
        PeerView peer = found(id);
        return done(
                federation.refreshPeerKeys(id, version == null ? -1 : version),
                "peers.keys.refreshed",
                peer,
                PeerForm.of(peer),
                model,
                redirect,
                response);
    }

    @PostMapping("/admin/peers/{id}/removal")
    String remove(
            @PathVariable PeerId id,
            @Nullable Long version,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        requireAdmin();
        PeerView peer = found(id);
        Outcome<PeerId> removed = federation.removePeer(id, version == null ? -1 : version);
        if (removed instanceof Outcome.Done<PeerId>) {
            redirect.addFlashAttribute("notice", message("peers.removed", peer.name()));
            return "redirect:/admin/peers";
        }
        return peerPage(peer, PeerForm.of(peer), RefusalErrors.answer(removed, messages, response), model);
    }

    private String done(
            Outcome<PeerView> outcome,
            String notice,
            PeerView before,
            PeerForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        if (outcome instanceof Outcome.Done<PeerView> done) {
            redirect.addFlashAttribute("notice", message(notice, done.value().name()));
            return "redirect:/admin/peers/" + done.value().id();
        }
        // the form keeps what the admin entered, on the stored version: after a stale write they check and save again
        return peerPage(
                federation.peer(before.id()).orRefuse(),
                form,
                RefusalErrors.answer(outcome, messages, response),
                model);
    }

    private String listPage(PeerForm form, Map<String, String> errors, Model model) {
        List<SigningKeyView> keys = federation.signingKeys().orRefuse();
        model.addAttribute("peers", federation.peers().orRefuse());
        model.addAttribute("keys", keys);
        model.addAttribute(
                "activeKid",
                keys.stream()
                        .filter(k -> k.state().equals("active"))
                        .map(SigningKeyView::kid)
                        .findFirst()
                        .orElse(""));
        model.addAttribute("instance", Map.of("name", instance.name(), "baseUrl", instance.baseUrl()));
        model.addAttribute("peer", form);
        model.addAttribute("errors", errors);
        model.addAttribute("businessUnits", identity.businessUnitNames());
        return "federation/peers";
    }

    private String peerPage(PeerView peer, PeerForm form, Map<String, String> errors, Model model) {
        model.addAttribute("stored", peer);
        model.addAttribute("peer", form);
        model.addAttribute("errors", errors);
        model.addAttribute("businessUnits", identity.businessUnitNames());
        return "federation/peer";
    }

    private PeerView found(PeerId id) {
        if (federation.peer(id) instanceof Outcome.Done<PeerView> done) {
            return done.value();
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private void requireAdmin() {
        if (!identity.requireActor().has(Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "you need the role admin to manage peers");
        }
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}
