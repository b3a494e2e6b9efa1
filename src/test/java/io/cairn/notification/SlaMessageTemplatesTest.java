package io.cairn.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SLA messages render in English and Dutch, with the incident, the clock and the link. */
class SlaMessageTemplatesTest {

    private final MessageTemplates templates = new MessageTemplates();

    private static Map<String, Object> parameters(String kind) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("reference", "INC-7");
        parameters.put("title", "Ransomware on the file server");
        parameters.put("kind", kind);
        parameters.put("dueAt", "2026-11-23 17:00 UTC");
        parameters.put("percent", "75%");
        parameters.put("level", "Duty manager");
        parameters.put("link", "https://cairn.test/incidents/1");
        return parameters;
    }

    @Test
    void aWarningSaysWhichTargetIsDueWhen() {
        MessageTemplates.Rendered english = templates.render("sla-warning", "en", parameters("response"));
        assertThat(english.subject()).isEqualTo("INC-7: the response target is due 2026-11-23 17:00 UTC");
        assertThat(english.body()).contains("has used 75% of its response target");
        MessageTemplates.Rendered dutch = templates.render("sla-warning", "nl", parameters("resolution"));
        assertThat(dutch.subject()).isEqualTo("INC-7: de oplossingstermijn verloopt 2026-11-23 17:00 UTC");
    }

    @Test
    void aBreachNamesTheLevelItEscalatesToAndTheLink() {
        MessageTemplates.Rendered english = templates.render("sla-breach", "en", parameters("resolution"));
        assertThat(english.subject()).isEqualTo("INC-7: the resolution target was breached");
        assertThat(english.body()).contains("escalates to \"Duty manager\"").contains("https://cairn.test/incidents/1");
        Map<String, Object> withoutLevel = parameters("response");
        withoutLevel.put("level", null);
        assertThat(templates.render("sla-breach", "nl", withoutLevel).body())
                .contains("reactietermijn overschreden")
                .doesNotContain("escaleert");
    }

    @Test
    void anEscalationNamesTheClockAndTheLevelInItsSubject() {
        assertThat(templates
                        .render("sla-escalation", "en", parameters("response"))
                        .subject())
                .isEqualTo("INC-7: the breach of its response target escalated to Duty manager");
        assertThat(templates
                        .render("sla-escalation", "en", parameters("resolution"))
                        .subject())
                .isEqualTo("INC-7: the breach of its resolution target escalated to Duty manager");
        assertThat(templates
                        .render("sla-escalation", "nl", parameters("resolution"))
                        .subject())
                .isEqualTo("INC-7: de overschrijding van de oplossingstermijn is geëscaleerd naar Duty manager");
        assertThat(templates
                        .render("sla-escalation", "nl", parameters("response"))
                        .body())
                .contains("reactietermijn")
                .contains("geëscaleerd naar \"Duty manager\"");
    }
}
