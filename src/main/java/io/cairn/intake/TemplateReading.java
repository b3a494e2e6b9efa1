package io.cairn.intake;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reading the report templates: the active ones for everyone, retired ones too for admins. */
@Component
class TemplateReading {

    private final ReportTemplates templates;
    private final IntakeAccess access;

    TemplateReading(ReportTemplates templates, IntakeAccess access) {
        this.templates = templates;
        this.access = access;
    }

    /** The templates a reporter chooses from, in their order; retired ones are left out. */
    @Transactional(readOnly = true)
    List<ReportTemplate> active() {
        return templates.all().stream()
                .map(ReportTemplates.Stored::template)
                .filter(t -> !t.retired())
                .toList();
    }

    /** Every template, retired ones too (admin only). */
    @Transactional(readOnly = true)
    Outcome<List<ReportTemplate>> all() {
        return access.requireAdmin("see retired templates")
                .<Outcome<List<ReportTemplate>>>map(Outcome::refused)
                .orElseGet(() -> Outcome.done(templates.all().stream()
                        .map(ReportTemplates.Stored::template)
                        .toList()));
    }

    /** One template by key; a retired one only for admins. */
    @Transactional(readOnly = true)
    Outcome<ReportTemplate> one(String key) {
        boolean admin = access.isAdmin();
        return templates
                .byKey(key)
                .map(ReportTemplates.Stored::template)
                .filter(t -> admin || !t.retired())
                .<Outcome<ReportTemplate>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("template " + key)));
    }
}
