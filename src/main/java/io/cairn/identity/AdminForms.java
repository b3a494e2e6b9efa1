package io.cairn.identity;

import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.validation.Errors;
import org.springframework.web.server.ResponseStatusException;

/** What the admin pages share: the admin check, reading the pickers' ids, and showing a refusal in the form. */
final class AdminForms {

    private AdminForms() {}

    /** Others get a 403 page; the commands check the role too, this only saves them a form they cannot send. */
    static void requireAdmin(IdentityManagement identity) {
        if (!identity.requireActor().has(Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    static @Nullable BusinessUnitId businessUnit(@Nullable String id, Errors errors) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return BusinessUnitId.valueOf(id);
        } catch (IllegalArgumentException unreadable) {
            errors.rejectValue("businessUnit", "form.unknown-choice", "is not one of the choices");
            return null;
        }
    }

    static Set<TeamId> teams(@Nullable List<String> ids, Errors errors) {
        Set<TeamId> teams = new LinkedHashSet<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            try {
                teams.add(TeamId.valueOf(id));
            } catch (IllegalArgumentException unreadable) {
                errors.rejectValue("teams", "form.unknown-choice", "is not one of the choices");
            }
        }
        return teams;
    }

    /** A refusal to see or to do is a 404 or 403 page; any other shows in the form, with its status. */
    static void reject(Refusal refusal, Errors errors, HttpServletResponse response) {
        switch (refusal.kind()) {
            case FORBIDDEN -> throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            default -> {
                RefusalErrors.reject(refusal, errors);
                response.setStatus(refusal.kind().status());
            }
        }
    }
}
