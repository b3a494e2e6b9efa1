package io.cairn.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.cairn.Pages;
import io.cairn.assets.AssetManagement;
import io.cairn.assets.DeviceId;
import io.cairn.assets.DeviceKind;
import io.cairn.assets.NewDevice;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.incidents.Category;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.NewIncident;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.Outcome;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recurrence detection on a seeded history of 30 incidents across categories, assets, texts, root causes and dates:
 * exactly the incidents with an earlier one of the same asset, of the same category and similar text, or of the same
 * root cause within the window (six months) are flagged, with that reason, and nothing older than the window counts.
 *
 * <p>The history is reported through {@link IncidentManagement} and backdated in SQL, as a report cannot choose its
 * own reported time. Its words are made unique to this run, so that other tests' incidents never resemble it.
 */
class RecurrenceDetectionTest extends Pages.OnServer {

    @Autowired
    IncidentManagement incidents;

    @Autowired
    IncidentsForSystem system;

    @Autowired
    KnowledgeManagement knowledge;

    @Autowired
    RecurrenceDetection detection;

    @Autowired
    AssetManagement assets;

    @Autowired
    JdbcClient jdbc;

    TestUser handler;
    TestUser outsider;
    TestUser coordinator;
    TestUser admin;
    TeamId team;
    String tag;
    Instant now;
    final Map<String, IncidentId> history = new LinkedHashMap<>();

    private static final Category PHISHING = new Category("fraud", "phishing");
    private static final Category INFECTED = new Category("malicious-code", "infected-system");
    private static final Category UNDETERMINED = Category.UNDETERMINED;
    private static final List<Category> FILLER_CATEGORIES = List.of(
            PHISHING,
            INFECTED,
            UNDETERMINED,
            new Category("availability", "outage"),
            new Category("intrusions", "system-compromise"));

    @BeforeEach
    void setUp() {
        team = users.team("csirt");
        handler = users.user("handler", Set.of(Role.HANDLER), team);
        outsider = users.user("outsider", Set.of(Role.HANDLER));
        coordinator = users.user("coordinator", Set.of(Role.COORDINATOR));
        admin = users.user("admin", Set.of(Role.ADMIN));
        // Letters only, so that the text search keeps each word whole.
        tag = Long.toString(System.nanoTime(), 36)
                        .replaceAll("[0-9]", "")
                        .chars()
                        .collect(StringBuilder::new, (b, c) -> b.append((char) c), StringBuilder::append)
                        .toString()
                + "q";
        now = Instant.now();
    }

    private String words(String... stems) {
        List<String> unique = new ArrayList<>();
        for (String stem : stems) {
            unique.add(stem + tag);
        }
        return String.join(" ", unique);
    }

    private void reported(
            String name, int daysAgo, Category category, String text, DeviceId asset, boolean confidential) {
        NewIncident report = new NewIncident(
                text,
                "Reported: " + text,
                category,
                null,
                null,
                null,
                null,
                null,
                null,
                confidential,
                null,
                team,
                null,
                null,
                null,
                asset,
                null,
                null,
                null);
        Outcome<io.cairn.incidents.IncidentView> outcome = users.as(handler, () -> incidents.report(report));
        IncidentId id = ((Outcome.Done<io.cairn.incidents.IncidentView>) outcome)
                .value()
                .id();
        jdbc.sql("update incident set reported_at = :at where id = :id")
                .param("at", Timestamp.from(now.minus(Duration.ofDays(daysAgo))))
                .param("id", id.value())
                .update();
        history.put(name, id);
    }

    private DeviceId device(String name) {
        return users.as(
                        admin,
                        () -> assets.register(
                                new NewDevice(name + tag, DeviceKind.LAPTOP, "SN-" + name + tag, null, null)))
                .orRefuse()
                .id();
    }

    private void review(String name, String rootCause) {
        users.as(
                        handler,
                        () -> knowledge.saveReview(
                                history.get(name),
                                new ReviewDraft("What happened to " + name, rootCause, null, null, 0),
                                true))
                .orRefuse();
    }

    @Test
    void flagsExactlyTheIncidentsWithAnEarlierOneOfTheSameAssetSimilarTextOrRootCauseWithinTheWindow() {
        DeviceId laptop = device("laptop");
        DeviceId phone = device("phone");
        String rootCause = "recurring-" + tag;
        users.as(admin, () -> knowledge.addRootCause(rootCause, "Recurring cause " + tag))
                .orRefuse();

        // Same category and text: A2 is more than six months after A1, A3 within them after A2.
        reported("A1", 300, PHISHING, words("invoice", "payroll", "redirect", "mailbox"), null, false);
        reported("A2", 100, PHISHING, words("invoice", "payroll", "redirect", "mailbox"), null, false);
        reported("A3", 10, PHISHING, words("payroll", "invoice", "mailbox", "redirect"), null, false);
        reported("A4", 5, INFECTED, words("invoice", "payroll", "redirect", "mailbox"), null, false);
        reported("A5", 3, PHISHING, words("invoice", "gazebo", "lantern", "quarry"), null, false);
        // The same asset: B1 more than six months after B3, B2 within them after B1; B1 is confidential.
        reported("B3", 400, UNDETERMINED, words("keyboard", "sticky"), laptop, false);
        reported("B1", 150, UNDETERMINED, words("laptop", "overheating"), laptop, true);
        reported("B2", 20, UNDETERMINED, words("screen", "cracked"), laptop, false);
        reported("B4", 15, UNDETERMINED, words("battery", "swollen"), phone, false);
        // The same root cause, found by the reviews: C2 within six months after C1, C1 more than six after C4.
        reported("C4", 300, INFECTED, words("ransom", "note"), null, false);
        reported("C1", 90, INFECTED, words("worm", "spreading"), null, false);
        reported("C2", 30, PHISHING, words("credential", "harvest"), null, false);
        reported("C3", 30, INFECTED, words("trojan", "dropper"), null, false);
        for (int i = 0; i < 17; i++) {
            reported(
                    "F" + i,
                    7 + i * 11,
                    FILLER_CATEGORIES.get(i % FILLER_CATEGORIES.size()),
                    words("filler" + (char) ('a' + i), "topic" + (char) ('a' + i), "word" + (char) ('a' + i)),
                    null,
                    false);
        }
        assertThat(history).hasSize(30);

        review("C2", rootCause);
        review("C4", rootCause);
        review("C3", "malware");
        review("C1", rootCause);
        history.values().forEach(id -> context.getBean(Recurrences.class).queue(id, now));
        drain();

        Map<String, Map<String, List<String>>> flagged = new TreeMap<>();
        for (Map.Entry<String, IncidentId> incident : history.entrySet()) {
            Map<String, List<String>> earlier = new TreeMap<>();
            for (Recurrences.Flag flag : context.getBean(Recurrences.class).of(incident.getValue())) {
                earlier.computeIfAbsent(nameOf(flag.earlier()), n -> new ArrayList<>())
                        .add(flag.reason());
            }
            if (!earlier.isEmpty()) {
                flagged.put(incident.getKey(), earlier);
            }
        }
        assertThat(flagged)
                .isEqualTo(Map.of(
                        "A3", Map.of("A2", List.of("similar-text")),
                        "B2", Map.of("B1", List.of("same-asset")),
                        "C2", Map.of("C1", List.of("same-root-cause"))));

        assertThat(users.as(handler, () -> knowledge.recurrence(history.get("A3")))
                        .orElseThrow()
                        .earlier())
                .extracting(Recurrence.Earlier::reference, Recurrence.Earlier::reasons)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(reference("A2"), List.of("similar-text")));
        assertThat(users.as(handler, () -> knowledge.recurrenceCandidates(history.get("A3"), 10))
                        .orRefuse())
                .extracting(Recurrence.Earlier::incident)
                .containsExactly(history.get("A2"));
        assertThat(users.as(handler, () -> knowledge.recurrenceCandidates(history.get("B2"), 10))
                        .orRefuse())
                .extracting(Recurrence.Earlier::incident)
                .containsExactly(history.get("B1"));
    }

    @Test
    void showsARecurrenceOnlyToThoseWhoMaySeeTheIncidentsAndListsItForCoordinators() throws Exception {
        DeviceId laptop = device("server");
        reported("old", 40, UNDETERMINED, words("fan", "noise"), laptop, true);
        reported("new", 2, UNDETERMINED, words("disk", "failure"), laptop, false);
        reported("secret", 1, UNDETERMINED, words("disk", "failure"), laptop, true);
        history.values().forEach(id -> context.getBean(Recurrences.class).queue(id, now));
        drain();

        assertThat(users.as(handler, () -> knowledge.recurrence(history.get("new"))))
                .isPresent();
        String flag = mvc.perform(get("/incidents/" + history.get("new") + "/recurrence")
                        .with(authentication(users.authentication(handler))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(flag).select("#recurrence").text())
                .isEqualTo("Recurring: similar to " + reference("old") + " (same asset)");
        String hidden = mvc.perform(get("/incidents/" + history.get("new") + "/recurrence")
                        .with(authentication(users.authentication(outsider))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(hidden).select("#recurrence").text()).isEmpty();
        assertThat(users.as(outsider, () -> knowledge.recurrence(history.get("new"))))
                .as("the only earlier incident is confidential to another team")
                .isEmpty();
        assertThat(users.as(outsider, () -> knowledge.recurrence(history.get("secret"))))
                .isEmpty();
        assertThat(users.as(outsider, () -> knowledge.recurrenceCandidates(history.get("secret"), 10)))
                .isInstanceOf(Outcome.Refused.class);

        assertThat(users.as(coordinator, () -> knowledge.recurringIncidents(500))
                        .orRefuse())
                .extracting(Recurrence::incident)
                .contains(history.get("new"), history.get("secret"));
        assertThat(users.as(handler, () -> knowledge.recurringIncidents(500))).isInstanceOf(Outcome.Refused.class);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'incident.recurrence-detected'"
                                + " and object_id = :id")
                        .param("id", history.get("new").toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /** Checks every queued incident; waits for a pass of the scheduler that may hold some of them. */
    private void drain() {
        List<UUID> ours = history.values().stream().map(IncidentId::value).toList();
        while (detection.detectBatch() > 0
                || jdbc.sql("select count(*) from recurrence_check" + " where incident_id = any(:ids)")
                                .param("ids", ours.toArray(UUID[]::new))
                                .query(Long.class)
                                .single()
                        > 0) {
            Thread.onSpinWait();
        }
    }

    private String nameOf(IncidentId id) {
        return history.entrySet().stream()
                .filter(e -> e.getValue().equals(id))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("someone else's " + id);
    }

    private String reference(String name) {
        return system.incident(history.get(name)).orElseThrow().reference();
    }
}
