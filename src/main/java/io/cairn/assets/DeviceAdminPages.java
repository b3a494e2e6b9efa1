package io.cairn.assets;

import io.cairn.identity.IdentityManagement;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The device registry for admins: every device with its holder, and the CSV import. A file with any bad line is
 * refused whole, and each problem is listed by line and column.
 */
@Controller
class DeviceAdminPages {

    private final AssetManagement assets;
    private final IdentityManagement identity;

    DeviceAdminPages(AssetManagement assets, IdentityManagement identity) {
        this.assets = assets;
        this.identity = identity;
    }

    @GetMapping("/admin/devices")
    String devices(Model model) {
        Outcome<List<DeviceView>> devices = assets.devices();
        if (devices instanceof Outcome.Refused<List<DeviceView>> refused
                || identity.currentActor()
                        .filter(a -> a.has(io.cairn.identity.Role.ADMIN))
                        .isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "admins only");
        }
        List<DeviceView> list = ((Outcome.Done<List<DeviceView>>) devices).value();
        model.addAttribute("devices", list);
        model.addAttribute(
                "holders",
                identity.displayNames(list.stream()
                        .map(DeviceView::holder)
                        .filter(java.util.Objects::nonNull)
                        .toList()));
        return "admin/devices";
    }

    @PostMapping("/admin/devices/import")
    String importCsv(
            @RequestParam(required = false) @Nullable MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute(
                    "importProblems", List.of(Refusal.FieldProblem.of("file", AssetRefusals.NO_FILE)));
            return "redirect:/admin/devices";
        }
        Outcome<DeviceImport> imported = assets.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8));
        if (imported instanceof Outcome.Refused<DeviceImport> refused) {
            if (refused.refusal().kind() == Refusal.Kind.FORBIDDEN) {
                throw new ResponseStatusException(
                        HttpStatus.FORBIDDEN, refused.refusal().message());
            }
            redirect.addFlashAttribute(
                    "importProblems",
                    refused.refusal().fields().isEmpty()
                            ? List.of(refused.refusal().asProblemOf("file"))
                            : refused.refusal().fields());
            return "redirect:/admin/devices";
        }
        DeviceImport result = ((Outcome.Done<DeviceImport>) imported).value();
        redirect.addFlashAttribute("imported", result);
        return "redirect:/admin/devices";
    }
}
