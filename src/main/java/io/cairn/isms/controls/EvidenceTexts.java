package io.cairn.isms.controls;

import io.cairn.isms.schedules.OccurrenceReason;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The words of the evidence of a control in the reader's language: the exceptions' reasons and the times. */
@Component
class EvidenceTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final ZoneId zone;

    EvidenceTexts(MessageSource messages, @Value("${cairn.isms.zone:UTC}") ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    /** The zone of security procedures, in which a period's days start. */
    ZoneId zone() {
        return zone;
    }

    /** The exceptions, each with its reason in words. */
    List<EvidenceException> told(List<EvidenceException> exceptions) {
        if (exceptions.isEmpty()) {
            return exceptions;
        }
        Locale locale = LocaleContextHolder.getLocale();
        return exceptions.stream()
                .map(found -> found.told(reason(found, locale)))
                .toList();
    }

    private String reason(EvidenceException found, Locale locale) {
        boolean ofStep = !found.step().isEmpty();
        String key = "control-evidence.reason." + found.kind().code() + (ofStep ? ".step" : "")
                + (found.kind() == ExceptionKind.NOT_WITHIN_TARGET && found.at() == null ? ".open" : "");
        String note = found.note().isBlank() ? text("control-evidence.reason.none", locale) : found.note();
        Object[] arguments = switch (found.kind()) {
            case LATE -> new Object[] {utc(found.at()), utc(found.dueAt()), found.step()};
            case MISSED -> new Object[] {utc(found.dueAt()), found.step()};
            case REJECTED, CANCELLED -> new Object[] {utc(found.at()), note};
            case SKIPPED -> new Object[] {found.step(), utc(found.at()), found.by(), note};
            case DECIDED_BY_REQUESTER -> new Object[] {found.step(), utc(found.at()), found.by()};
            case NOT_WITHIN_TARGET -> new Object[] {utc(found.at()), utc(found.dueAt())};
        };
        String words = messages.getMessage(key, arguments, locale);
        return found.kind() == ExceptionKind.SKIPPED ? words + " " + note : words;
    }

    /** An occurrence of a schedule that started no run, as a missed exception in words. */
    EvidenceException occurrence(String procedure, String schedule, Instant at, String why) {
        Locale locale = LocaleContextHolder.getLocale();
        String reason = text("control-evidence.reason.missed.occurrence", locale, schedule, utc(at))
                + (why.isBlank() ? "" : " " + why);
        return new EvidenceException(ExceptionKind.MISSED, "", procedure, "", at, null, why, schedule, reason);
    }

    /** Why an occurrence started no run, in the reader's language when its reason was kept as one. */
    String occurrenceReason(@Nullable String detail, @Nullable String english) {
        return OccurrenceReason.parse(detail)
                .map(reason -> reason.text(messages, LocaleContextHolder.getLocale()))
                .orElse(Objects.requireNonNullElse(english, ""));
    }

    /** A text of this module's messages in the locale. */
    String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** The time in UTC, such as {@code 2026-10-01 09:15 UTC}; a dash for none. */
    static String utc(@Nullable Instant at) {
        return at == null ? "—" : TIME.format(at.atOffset(ZoneOffset.UTC)) + " UTC";
    }

    /** The time in UTC and in the zone of security procedures: {@code 2026-10-01 09:15 UTC (11:15 Europe/Amsterdam)}. */
    String both(@Nullable Instant at) {
        if (at == null) {
            return "—";
        }
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return utc(at);
        }
        return utc(at) + " (" + TIME.format(at.atZone(zone)) + " " + zone.getId() + ")";
    }
}
