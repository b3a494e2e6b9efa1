package io.cairn.compliance;

import io.cairn.identity.LegalEntityId;
import io.cairn.shared.Outcome;
import io.cairn.shared.PdfReport;
import io.cairn.shared.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The breach register for privacy officers and coordinators, filtered by a period of days (UTC, both ends included)
 * and a legal entity; as entries, as CSV and as a PDF with the columns named in the reader's language.
 */
@Service
class BreachRegisterReading {

    private final ComplianceAccess access;
    private final BreachRegister register;
    private final MessageSource messages;

    BreachRegisterReading(ComplianceAccess access, BreachRegister register, MessageSource messages) {
        this.access = access;
        this.register = register;
        this.messages = messages;
    }

    /** The entries within the period and of the legal entity, the latest first. */
    @Transactional(readOnly = true)
    public Outcome<List<BreachRegisterEntry>> entries(
            @Nullable LocalDate from, @Nullable LocalDate to, @Nullable LegalEntityId legalEntity) {
        return access.requireRegisterReader()
                .flatMap(actor -> filter(from, to, legalEntity).map(register::entries));
    }

    /** The register as CSV (RFC 4180, UTF-8, a header row). */
    @Transactional(readOnly = true)
    public Outcome<ObligationSubmissions.Export> csv(
            @Nullable LocalDate from, @Nullable LocalDate to, @Nullable LegalEntityId legalEntity) {
        return entries(from, to, legalEntity)
                .map(entries -> new ObligationSubmissions.Export(
                        BreachRegisterColumns.csv(entries, this::header).getBytes(StandardCharsets.UTF_8),
                        "text/csv;charset=UTF-8",
                        "breach-register.csv"));
    }

    /** The register as a PDF in the reader's language: a section per breach. */
    @Transactional(readOnly = true)
    public Outcome<ObligationSubmissions.Export> pdf(
            @Nullable LocalDate from, @Nullable LocalDate to, @Nullable LegalEntityId legalEntity) {
        return entries(from, to, legalEntity).map(entries -> {
            List<PdfReport.Section> sections = entries.stream()
                    .map(entry -> new PdfReport.Section(
                            entry.reference() + " · " + entry.title(),
                            BreachRegisterColumns.ALL.stream()
                                    .skip(2)
                                    .map(column -> new PdfReport.Entry(
                                            header(column.key()), column.value().apply(entry)))
                                    .toList()))
                    .toList();
            List<String> lines = new ArrayList<>();
            lines.add(text("compliance.register.period", day(from), day(to)));
            lines.add(text("compliance.register.count", entries.size()));
            byte[] pdf = PdfReport.render(
                    io.cairn.shared.Language.current().code(), text("compliance.register.title"), lines, sections);
            return new ObligationSubmissions.Export(pdf, "application/pdf", "breach-register.pdf");
        });
    }

    private static Outcome<BreachRegister.Filter> filter(
            @Nullable LocalDate from, @Nullable LocalDate to, @Nullable LegalEntityId legalEntity) {
        if (from != null && to != null && to.isBefore(from)) {
            return Outcome.refused(Refusal.invalid(
                    "to", ComplianceRefusals.PERIOD_REVERSED, DateTimeFormatter.ISO_LOCAL_DATE.format(from)));
        }
        return Outcome.done(new BreachRegister.Filter(
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                legalEntity));
    }

    private String header(String key) {
        return text("compliance.register.column." + key);
    }

    private String day(@Nullable LocalDate day) {
        return day == null ? "…" : DateTimeFormatter.ISO_LOCAL_DATE.format(day);
    }

    private String text(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}
