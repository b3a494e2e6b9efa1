package io.cairn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Browser;
import io.cairn.assets.AssetManagement;
import io.cairn.assets.Criticality;
import io.cairn.assets.ServiceDefinition;
import io.cairn.assets.ServiceView;
import io.cairn.federation.FederationManagement;
import io.cairn.federation.PeerDefinition;
import io.cairn.handling.procedures.NewTask;
import io.cairn.handling.procedures.ProcedureManagement;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.incidents.Category;
import io.cairn.incidents.IncidentCommands;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import io.cairn.knowledge.ArticleDraft;
import io.cairn.knowledge.Audience;
import io.cairn.knowledge.KnowledgeManagement;
import io.cairn.knowledge.NewCorrectiveAction;
import io.cairn.knowledge.ReviewDraft;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Walks every page the navigation offers, and the pages with an id one or two links from them, as every role, on a
 * 390 px phone and a 1366 px desktop, in Dutch and in English, and fails on what a person would trip over: a page
 * wider than the screen or anything sticking out of it sideways, a header of more than one row on the desktop, a menu
 * that opens off the screen, an HTTP error, a script error, or English words left on a Dutch page.
 *
 * <p>English is found by comparison: a word that a page shows both in English and in Dutch is English left untranslated,
 * unless it is one of the words both languages use ({@link #BOTH_LANGUAGES}), a term the Dutch texts Cairn ships use as
 * it is ({@link #DUTCH_TERMS}), or part of the data the test made. Text marked as another language ({@code lang}) or as
 * not to translate ({@code translate="no"}, code) is not counted: an editor of both languages' texts marks each field
 * with its language. A page is loaded once per language and both widths are checked on that load, by the DOM rather
 * than by screenshots; a kind of page is loaded in English by the first role that reaches it only. It has a server of
 * its own, so that the English data of other tests does not show on its Dutch pages.
 */
@TestPropertySource(properties = "cairn.test.server=page-walk")
class PageWalkBrowserTest extends Browser.OnServer {

    private static final Log log = LogFactory.getLog(PageWalkBrowserTest.class);

    static final int PHONE = 390;
    static final int DESKTOP = 1366;

    /**
     * Words a Dutch page may share with its English one in Cairn's own texts (the bundles and templates): names, codes,
     * and words Dutch uses as they are ("de rest", "het start", "de browser", "had"). Security is the name of the team
     * a new install ships.
     */
    static final Set<String> BOTH_LANGUAGES = Set.of(
            "cairn",
            "mac",
            "indicator",
            "sha",
            "tlp",
            "pap",
            "api",
            "sla",
            "utc",
            "csv",
            "json",
            "pdf",
            "inc",
            // the reference of a run of a security procedure (PRC-12)
            "prc",
            "ref",
            "rsit",
            "nist",
            "iso",
            // ISO/IEC 27001 and its Annex A titles: words Dutch uses as they are ("contact met", "planning en",
            // "beveiligde zone")
            "iec",
            "contact",
            "planning",
            "zone",
            "zones",
            "gdpr",
            "avg",
            "nis",
            "dora",
            "stix",
            "taxii",
            "misp",
            "veris",
            "siem",
            "markdown",
            "html",
            "url",
            "http",
            "https",
            "clear",
            "green",
            "amber",
            "strict",
            "red",
            "europe",
            "amsterdam",
            "incident",
            "team",
            "teams",
            "status",
            "audit",
            "auditor",
            "auditors",
            "triage",
            "impact",
            "conflict",
            "object",
            "hash",
            "open",
            "week",
            "late",
            "plus",
            "procedure",
            "procedures",
            "filters",
            "filter",
            "token",
            "tokens",
            "mail",
            "link",
            "links",
            "menu",
            "account",
            "accounts",
            "model",
            "was",
            "per",
            "best",
            "scripts",
            "slugs",
            "letters",
            "later",
            "laptop",
            "tablet",
            "usb",
            "stick",
            "website",
            "matrix",
            "phishing",
            "malware",
            "ransomware",
            "ddos",
            "admin",
            "administrator",
            "type",
            "details",
            "code",
            "online",
            "offline",
            "browser",
            "tips",
            "rest",
            "start",
            "had",
            "taken",
            "database",
            "record",
            "records",
            "merkle",
            "security",
            // the regimes' names of regulators, rules and regulations, as Dutch texts write them too
            "csirt",
            "hhs",
            "hipaa",
            "sec",
            "eur",
            "ict",
            "rts",
            "media",
            "significant",
            // the maturity view: the model's name (IT-CMF), detection systems, and words Dutch uses as they are
            "cmf",
            "dlp",
            "ids",
            "interval",
            "intranet",
            "recent",
            "training",
            // kinds of evidence (ISO/IEC 27037) that Dutch names as English does
            "computer",
            "document");

    /**
     * The technical terms and loanwords that the Dutch content Cairn ships (the RSIT descriptions, the knowledge
     * articles, the playbooks) uses as they are, because Dutch security texts do: "social engineering", "brute kracht",
     * "een DNS-server", "de headers". They are no UI words, so they are kept apart from {@link #BOTH_LANGUAGES};
     * {@code DutchTextsTest} checks that each is a word of a shipped Dutch text, so that none is allowed for nothing.
     */
    static final Set<String> DUTCH_TERMS = Set.of(
            // the shipped security procedures (isms/shipped-procedures.json): a go-live, a vulnerability scan, the
            // scope of a penetration test
            "live",
            "scan",
            "scope",
            // the RSIT descriptions (incidents/rsit_nl.properties): protocols, attacks and what they aim at
            "brute",
            "cross",
            "site",
            "scripting",
            "cve",
            "denial",
            "distributed",
            "service",
            "dns",
            "dnssec",
            "social",
            "engineering",
            "exploit",
            "expn",
            "fingerd",
            "syn",
            "flood",
            "freak",
            "poodle",
            "hosts",
            "icmp",
            "web",
            "injects",
            "ksk",
            "monlist",
            "ntp",
            "proxy",
            "rcpt",
            "rdp",
            "redis",
            "resolvers",
            "rootkit",
            "sabotage",
            "server",
            "servers",
            "smartphone",
            "smtp",
            "snmp",
            "software",
            "spam",
            "sql",
            "telnet",
            "udp",
            "uri",
            "vnc",
            "warez",
            "websites",
            "wpad",
            // the knowledge articles (knowledge/nl) and the playbooks (handling/shipped-playbooks.json)
            "app",
            "authenticator",
            "bank",
            "codes",
            "poster",
            "headers",
            "dkim",
            "dmarc",
            "spf",
            "eml",
            "edr",
            "mdm",
            "mfa",
            "oauth",
            "internet");

    /** Links that are not pages to walk: downloads, the API, signing out, the other language. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "^/(api|v3|swagger-ui|logout|webjars|css|js|images)(/.*)?$|\\.(csv|json|jsonl|ndjson|txt|zip|pdf)$|/export");

    /** The words of paths that name a kind of page; any other word after the section names one object. */
    private static final Set<String> PAGE_WORDS = Set.of(
            "admin", "account", "new", "edit", "history", "revisions", "done", "queue", "dashboards", "evidence");

    @Autowired
    KnowledgeManagement knowledge;

    @Autowired
    ProcedureManagement procedures;

    @Autowired
    AssetManagement assets;

    @Autowired
    FederationManagement federation;

    @Autowired
    io.cairn.compliance.ComplianceManagement compliance;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    io.cairn.isms.evidence.EvidenceManagement evidence;

    @Autowired
    io.cairn.isms.runs.ProcedureRuns runs;

    private final Set<String> dataWords = new TreeSet<>(Set.of("test"));
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Set<String>> englishLeft = new LinkedHashMap<>();
    /** The English words of each kind of page, from the first role that walked it in English. */
    private final Map<String, Set<String>> englishOf = new LinkedHashMap<>();

    private int pagesLoaded;

    @Test
    void everyPageOfTheNavigationFitsPhoneAndDesktopAnswersWithoutErrorsAndSpeaksDutchInDutch() {
        long start = System.nanoTime();
        Map<String, TestUser> people = seed();
        Object errors = browser.driver() instanceof org.openqa.selenium.chrome.ChromeDriver chrome
                ? chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER))
                        .get("identifier")
                : null;
        try {
            walkAnonymously();
            people.forEach(this::walkAs);
        } finally {
            if (errors != null) {
                ((org.openqa.selenium.chrome.ChromeDriver) browser.driver())
                        .executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", errors));
            }
            browser.desktop();
        }
        log.info("Walked " + pagesLoaded + " page loads in "
                + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
        englishLeft.forEach((page, words) -> problems.add("English on the Dutch page " + page + ": " + words));
        assertThat(problems).isEmpty();
    }

    // --- the data the pages show ---------------------------------------------------------------------------------

    /** One user per role, an incident with a review, a task, an article and a team; the data in Dutch. */
    private Map<String, TestUser> seed() {
        TeamId desk = users.teamNamed(data(TestUsers.unique("servicedesk")));
        Map<String, TestUser> people = new LinkedHashMap<>();
        people.put("reporter", person("melder", Set.of(Role.REPORTER)));
        people.put("handler", person("behandelaar", Set.of(Role.HANDLER), desk));
        people.put("resolver", person("oplosser", Set.of(Role.RESOLVER), desk));
        people.put("coordinator", person("coordinator", Set.of(Role.COORDINATOR)));
        people.put("privacy officer", person("privacy", Set.of(Role.PRIVACY_OFFICER)));
        people.put("auditor", person("auditor", Set.of(Role.AUDITOR)));
        // the first admin holds every role but resolver: the longest navigation there is
        people.put(
                "admin",
                person(
                        "beheerder",
                        Set.of(
                                Role.ADMIN,
                                Role.REPORTER,
                                Role.HANDLER,
                                Role.COORDINATOR,
                                Role.PRIVACY_OFFICER,
                                Role.AUDITOR)));
        TestUser reporter = people.get("reporter");
        TestUser handler = people.get("handler");
        ServiceView storage = users.as(
                        people.get("admin"),
                        () -> assets.registerService(new ServiceDefinition(
                                data(TestUsers.unique("Opslag")),
                                data("Bestanden van klanten"),
                                desk,
                                Criticality.CRITICAL,
                                List.of(),
                                null)))
                .orRefuse();
        users.as(
                        people.get("admin"),
                        () -> assets.registerService(new ServiceDefinition(
                                data(TestUsers.unique("Webwinkel")),
                                data("Verkoop aan klanten"),
                                desk,
                                Criticality.HIGH,
                                List.of(storage.id()),
                                null)))
                .orRefuse();

        IncidentView mail = users.as(
                reporter,
                () -> incidents
                        .report(new NewIncident(
                                data("Verdachte e-mail over " + "een pakketje van de vervoerder"),
                                data("Ik kreeg een bericht met een link naar "
                                        + "https://pakket-bezorging.voorbeeld.nl/volg/een/heel/lang/pad/zonder/spaties/1234567890 en heb "
                                        + "erop geklikt."),
                                new Category("fraud", "phishing"),
                                null,
                                null,
                                "high",
                                "high",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                        .orRefuse());
        // the newest incident, first in the list that every role walks: it holds the evidence
        IncidentView newest = users.as(
                reporter,
                () -> incidents
                        .report(new NewIncident(
                                data("Nog een verdachte e-mail over een pakketje"),
                                data("Weer een bericht van de vervoerder."),
                                new Category("fraud", "phishing"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                        .orRefuse());
        IncidentView triaged = users.as(
                handler,
                () -> incidents
                        .transition(
                                mail.id(),
                                new IncidentCommands.Transition(io.cairn.incidents.Status.TRIAGE, null, mail.version()))
                        .orRefuse());
        users.as(
                handler,
                () -> incidents
                        .askReporter(
                                triaged.id(),
                                new IncidentCommands.AddNote(data("Welke afzender stond er in het bericht?")))
                        .orRefuse());
        users.as(
                handler,
                () -> procedures
                        .addTask(
                                triaged.id(),
                                new NewTask(
                                        data("Wachtwoord van de melder " + "opnieuw instellen"),
                                        data("Graag vandaag nog."),
                                        desk,
                                        null,
                                        null,
                                        true))
                        .orRefuse());
        seedEvidence(newest, handler, people.get("coordinator"));
        seedRun(reporter, people.get("coordinator"));
        users.as(
                handler,
                () -> knowledge
                        .write(new ArticleDraft(
                                null,
                                data("Verdachte bijlagen herkennen"),
                                data("## Stappen\n\n1. Open de bijlage niet.\n2. Meld het bericht."),
                                Audience.HANDLERS,
                                List.of("fraud/phishing"),
                                List.of(data("bijlagen")),
                                0))
                        .orRefuse());
        TestUser coordinator = people.get("coordinator");
        users.as(
                coordinator,
                () -> knowledge
                        .saveReview(
                                triaged.id(),
                                new ReviewDraft(
                                        data("Samenvatting van de " + "nabespreking"),
                                        null,
                                        data("Snel gemeld"),
                                        data("Filter aanscherpen"),
                                        0),
                                false)
                        .orRefuse());
        users.as(
                coordinator,
                () -> knowledge
                        .addCorrectiveAction(
                                triaged.id(),
                                new NewCorrectiveAction(
                                        data("Filterregels voor pakketberichten aanscherpen"),
                                        handler.id(),
                                        LocalDate.now().plusDays(7)))
                        .orRefuse());
        io.cairn.federation.PeerView provider = users.as(
                people.get("admin"),
                () -> federation
                        .registerPeer(new PeerDefinition(
                                data("Leverancier van de opslagdienst"),
                                "https://leverancier.example",
                                "provider",
                                "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"leverancier\","
                                        + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                                        + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}]}",
                                null))
                        .orRefuse());
        // a subscription this instance holds at the provider, for its page's section with "catch up now"
        jdbc.sql("""
                insert into federation_upstream_subscription (id, peer_id, services, min_severity, categories, state,
                  created_at, updated_at, version)
                values (?, ?, '{}', null, '{}', 'active', now(), now(), 0)""").params(java.util.UUID.randomUUID(), provider.id().value()).update();
        users.as(
                        people.get("admin"),
                        () -> compliance.createLegalEntity(new io.cairn.compliance.LegalEntityDefinition(
                                data(TestUsers.unique("Voorbeeld Holding")),
                                List.of("NL", "BE"),
                                "important",
                                true,
                                "both",
                                data("Autoriteit Persoonsgegevens"),
                                data("Postbus 93374, Den Haag"),
                                people.get("privacy officer").id(),
                                2_000_000L,
                                false,
                                false)))
                .orRefuse();
        // the suspicious mail leaked customer data: its compliance section shows facts, decisions and obligations
        users.as(people.get("privacy officer"), () -> {
            compliance
                    .recordFact(
                            mail.id(),
                            "gdpr.awareness",
                            java.time.Instant.now().minusSeconds(3_600),
                            data("De logboeken tonen dat klantgegevens zijn ingezien"),
                            0)
                    .orRefuse();
            compliance
                    .recordDecision(
                            mail.id(),
                            "personal-data-breach",
                            new io.cairn.compliance.DecisionRequest(
                                    "yes",
                                    data("Namen en adressen van klanten zijn ingezien"),
                                    null,
                                    null,
                                    java.util.Map.of("breach-types", List.of("confidentiality")),
                                    0))
                    .orRefuse();
            return compliance
                    .recordDecision(
                            mail.id(),
                            "gdpr-risk",
                            new io.cairn.compliance.DecisionRequest(
                                    "high-risk", data("Kans op gerichte phishing"), null, null, null, 0))
                    .orRefuse();
        });
        seedRisk(people.get("coordinator"));
        seedSchedule(people.get("coordinator"));
        return people;
    }

    /**
     * An evidence item of the incident, for its section and its page, handed over by the handler to the coordinator,
     * whose sign-off it awaits (for the page of evidence awaiting it).
     */
    private void seedEvidence(IncidentView incident, TestUser handler, TestUser coordinator) {
        io.cairn.isms.evidence.EvidenceView item = users.as(
                        handler,
                        () -> evidence.collect(
                                incident.id(),
                                new io.cairn.isms.evidence.NewEvidence(
                                        "mobile-device",
                                        data("Telefoon van de melder met het bericht"),
                                        data("Telefoon van de melder"),
                                        java.time.Instant.now().minusSeconds(7_200),
                                        null,
                                        data("Servicebalie, tweede verdieping"),
                                        data("In een afgeschermde zak verzegeld"),
                                        "ab".repeat(32),
                                        data("Kluis van de servicebalie"))))
                .orRefuse();
        users.as(
                        handler,
                        () -> evidence.proposeTransfer(
                                item.id(),
                                new io.cairn.isms.evidence.NewTransfer(
                                        coordinator.id(),
                                        null,
                                        data("Onderzoek door het forensisch lab"),
                                        data("Kluis van het lab"),
                                        item.version())))
                .orRefuse();
    }

    /** A risk of the register, past its target, for the register's list, its page and its heat map. */
    private void seedRisk(TestUser owner) {
        java.util.UUID risk = java.util.UUID.randomUUID();
        jdbc.sql("""
                insert into risk (id, title, description, owner_id, treatment, mitigation_target_at, likelihood,
                                  impact, severity, severity_rank, status, created_at, version)
                values (?, ?, ?, ?, ?, current_date - 3, 4, 4, 'high', 3, 'anticipated', now(), 0)""")
                .params(
                        risk,
                        data("Gijzelsoftware op de bestandsservers"),
                        data("Versleutelde bestanden en stilstand"),
                        owner.id().value(),
                        data("Back-ups buiten het netwerk"))
                .update();
        jdbc.sql("""
                insert into risk_history (risk_id, at, version, severity, open, status)
                values (?, now(), 0, 'high', true, 'anticipated')""").params(risk).update();
    }

    /** A schedule of the shipped patching round that fired twice: once starting a run, once missed. */
    private void seedSchedule(TestUser owner) {
        java.util.UUID schedule = java.util.UUID.randomUUID();
        jdbc.sql("""
                insert into isms_schedule (id, name, procedure_type, owner_id, form_values, recurrence, first_day,
                  time_of_day, zone, calendar_id, non_working_day, active, next_at, updated_at, updated_by, version)
                select ?, ?, id, ?, ?::jsonb, 'FREQ=MONTHLY;BYDAY=1MO', current_date - 60, '09:00',
                  'Europe/Amsterdam', null, 'next-working-day', true, now() + interval '20 days', now(), 'walk', 0
                from isms_procedure_type where type_key = 'patching-round'""")
                .params(
                        schedule,
                        data("Maandelijkse patchronde"),
                        owner.id().value(),
                        "{\"round\": \"" + data("Servers en werkplekken") + "\", \"deadline\": \"2027-01-31\"}")
                .update();
        jdbc.sql("""
                insert into isms_schedule_occurrence (schedule_id, occurs_at, outcome, run_reference, reason, recorded_at)
                values (?, now() - interval '30 days', 'started', 'PRC-1', null, now() - interval '30 days'),
                       (?, now() - interval '60 days', 'missed', null, ?, now() - interval '30 days')""")
                .params(schedule, schedule, data("Gemist: de server stond stil"))
                .update();
    }

    private TestUser person(String name, Set<Role> roles, TeamId... teams) {
        TestUser user = users.user(name, roles, teams);
        data(user.displayName() + " " + user.username());
        return user;
    }

    /** Text the test made: its words show the same in both languages. */
    /** A request for access to a secure zone by the reporter, waiting for the coordinator's approval. */
    private void seedRun(TestUser requester, TestUser approver) {
        io.cairn.isms.procedures.ProcedureTypeId zoneAccess = new io.cairn.isms.procedures.ProcedureTypeId(
                jdbc.sql("select id from isms_procedure_type where type_key = 'secure-zone-access'")
                        .query(java.util.UUID.class)
                        .single());
        io.cairn.isms.runs.RunDetails run = users.as(
                        requester,
                        () -> runs.start(new io.cairn.isms.runs.RunStart(
                                zoneAccess,
                                Map.of(
                                        "person", data("Pieter de Vries"),
                                        "zone", data("Serverruimte B"),
                                        "reason", data("Een kapotte schijf vervangen"),
                                        "from", LocalDate.now().toString(),
                                        "until", LocalDate.now().plusDays(1).toString(),
                                        "manager", approver.username()),
                                null)))
                .orRefuse();
        // the approver attaches the signed form, so that the step's page and the run's page list an attachment
        String approval = run.phases().get(0).steps().get(0).work().id().toString();
        io.cairn.ApiClient.Answer attached = new io.cairn.ApiClient(port, approver.token())
                .postFile(
                        "/api/v1/procedure-steps/" + approval + "/attachments",
                        data("toegangsformulier.txt"),
                        "text/plain",
                        data("Getekend door Pieter de Vries").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
    }

    private String data(String text) {
        dataWords.addAll(words(text));
        return text;
    }

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** The words of a text as the page's script counts them: three letters or more, no digits, no ids. */
    private static Set<String> words(String text) {
        Set<String> words = new TreeSet<>();
        for (String word :
                UUID_TEXT.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").split("[^\\p{L}\\p{N}]+")) {
            if (word.length() > 2 && word.chars().noneMatch(Character::isDigit)) {
                words.add(word);
            }
        }
        return words;
    }

    // --- walking -------------------------------------------------------------------------------------------------

    private void walkAnonymously() {
        browser.driver().manage().deleteAllCookies();
        walk("anonymous", List.of("/login", "/report", "/follow-up"));
    }

    private void walkAs(String role, TestUser user) {
        browser.desktop(DESKTOP, 900).signIn(user);
        List<String> navigation = navigationLinks();
        assertThat(navigation).as("the navigation of " + role).isNotEmpty();
        checkMenus(role);
        if (Set.of("coordinator", "auditor", "admin").contains(role)) {
            // the evidence of a control, linked from the procedures' page, is walked with a control chosen
            navigation = new ArrayList<>(navigation);
            navigation.add("/procedures/evidence?control=A.5.18");
        }
        walk(role, navigation);
    }

    /** The pages the header links to, in its order; the language links are the same page. */
    @SuppressWarnings("unchecked")
    private List<String> navigationLinks() {
        return ((List<String>) browser.script("""
                return [...document.querySelectorAll('header a[href]:not([hreflang])')]
                    .map(a => new URL(a.href)).filter(u => u.origin === location.origin)
                    .map(u => u.pathname + u.search);""")).stream().distinct().toList();
    }

    /** The navigation's pages, then up to two links deep the pages with an id, one of each kind. */
    private void walk(String role, List<String> start) {
        Set<String> shapes = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>();
        for (String page : start) {
            if (shapes.add(shape(page))) {
                queue.add(page);
            }
        }
        Map<String, Integer> depth = new LinkedHashMap<>();
        queue.forEach(page -> depth.put(page, 0));
        for (int i = 0; i < queue.size(); i++) {
            String page = queue.get(i);
            List<String> links = check(role, page);
            if (depth.get(page) < 2) {
                for (String link : links) {
                    if (shapes.add(shape(link))) {
                        queue.add(link);
                        depth.put(link, depth.get(page) + 1);
                    }
                }
            }
        }
    }

    /**
     * A path with its ids and keys made one ({@code /admin/users/{id}}, {@code /report/{id}}): pages of the same kind
     * are walked once.
     */
    static String shape(String page) {
        String[] segments = page.replaceAll("[?#].*", "").split("/");
        StringBuilder shape = new StringBuilder();
        boolean section = false;
        for (String segment : segments) {
            if (!segment.isEmpty()) {
                boolean word = !section || PAGE_WORDS.contains(segment);
                shape.append('/').append(word ? segment : "{id}");
                section = section || !PAGE_WORDS.contains(segment);
            }
        }
        return shape.isEmpty() ? "/" : shape.toString();
    }

    /**
     * Checks one page at both widths in Dutch, and in English too when no role walked this kind of page in English
     * before (the pages of a kind differ little between roles, and the Dutch ones are the longer), and gives the links
     * of its content.
     */
    private List<String> check(String role, String page) {
        Set<String> english = englishOf.get(shape(page));
        if (english == null) {
            english = load(role, page, "en");
            englishOf.put(shape(page), english);
        }
        Set<String> dutch = load(role, page, "nl");
        List<String> links = links();
        dutch.retainAll(english);
        dutch.removeAll(BOTH_LANGUAGES);
        dutch.removeAll(DUTCH_TERMS);
        dutch.removeAll(dataWords);
        if (!dutch.isEmpty()) {
            englishLeft
                    .computeIfAbsent(page + " (" + role + ")", key -> new TreeSet<>())
                    .addAll(dutch);
        }
        return links;
    }

    /** Opens the page in one language, checks what does not depend on the width once and the rest at both. */
    @SuppressWarnings("unchecked")
    private Set<String> load(String role, String page, String language) {
        String where = page + " as " + role + " in " + language.toUpperCase(Locale.ROOT);
        browser.desktop(DESKTOP, 900).open(page + (page.contains("?") ? "&" : "?") + "lang=" + language);
        pagesLoaded++;
        settle();
        Map<String, Object> loaded = (Map<String, Object>) browser.script("""
                const navigation = performance.getEntriesByType('navigation')[0];
                return {status: navigation ? navigation.responseStatus : 0, path: location.pathname,
                        errors: window.cairnErrors || []};""");
        long status = ((Number) loaded.get("status")).longValue();
        if (status >= 400) {
            problems.add(where + ": HTTP " + status);
        }
        if ("/login".equals(loaded.get("path")) && !"anonymous".equals(role)) {
            problems.add(where + ": sent to the sign-in page");
        }
        ((List<String>) loaded.get("errors")).forEach(error -> problems.add(where + ": " + error));
        fits(where, DESKTOP);
        browser.screen(PHONE, 844);
        afterResize();
        fits(where, PHONE);
        return new TreeSet<>((List<String>) browser.script(WORDS));
    }

    /**
     * Waits two frames after the window changed its width, so that what follows the width by script (the charts,
     * which redraw themselves when their box changes) has done so before the page is measured.
     */
    private void afterResize() {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + " requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
    }

    /** Waits until htmx has loaded the parts of the page it loads after the page. */
    private void settle() {
        browser.waitFor(driver -> Boolean.TRUE.equals(
                browser.script("return document.readyState === 'complete' && (window.cairnPending || 0) === 0"
                        + " && !document.querySelector('.htmx-request');")));
    }

    /** Nothing wider than the screen or outside it sideways; on the desktop, a header of one row. */
    @SuppressWarnings("unchecked")
    private void fits(String where, int width) {
        List<String> outside = (List<String>) browser.script(OUTSIDE);
        outside.forEach(problem -> problems.add(where + " at " + width + " px: " + problem));
        if (width == DESKTOP && Boolean.FALSE.equals(browser.script(ONE_ROW))) {
            problems.add(where + " at " + width + " px: the header takes more than one row");
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> links() {
        return ((List<String>) browser.script("""
                return [...document.querySelectorAll('main a[href]:not([download]):not([hreflang])')]
                    .map(a => new URL(a.href, location.href))
                    .filter(u => u.origin === location.origin)
                    .map(u => u.pathname + u.search.replace(/[?&]lang=[a-z]+/, ''));"""))
                .stream()
                        .filter(link -> !NOT_A_PAGE
                                .matcher(link.replaceAll("\\?.*", ""))
                                .find())
                        .distinct()
                        .toList();
    }

    /**
     * Opens the menus as a person would, on the phone by keyboard and on the desktop by a click, in Dutch: signing out
     * must be in sight and inside the screen, and Escape closes the phone's menu and gives the focus back to its
     * button.
     */
    private void checkMenus(String role) {
        browser.desktop(DESKTOP, 900).open("/account/tokens?lang=nl");
        browser.click(By.cssSelector(".account-menu > summary"));
        signOutInSight(role, DESKTOP);
        browser.screen(PHONE, 844).open("/account/tokens?lang=nl");
        browser.find(By.cssSelector(".menu-button")).sendKeys(Keys.ENTER);
        browser.find(By.cssSelector(".menu-panel .account-menu > summary")).sendKeys(Keys.ENTER);
        signOutInSight(role, PHONE);
        browser.findAll(By.cssSelector(".menu-panel a[href]")).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the menu of " + role + " shows no link"))
                .sendKeys(Keys.ESCAPE);
        if (browser.find(By.cssSelector(".site-menu")).getAttribute("open") != null) {
            problems.add("the menu of " + role + " stays open after Escape");
        }
        if (!Boolean.TRUE.equals(
                browser.script("return document.activeElement === document.querySelector('.menu-button');"))) {
            problems.add("Escape leaves the focus of " + role + " inside the closed menu");
        }
    }

    private void signOutInSight(String role, int width) {
        WebElement signOut = browser.find(By.cssSelector("header .sign-out button"));
        var box = signOut.getRect();
        long screen = ((Number) browser.script("return document.documentElement.clientWidth;")).longValue();
        if (!signOut.isDisplayed() || box.getX() < 0 || box.getX() + box.getWidth() > screen) {
            problems.add("sign out for " + role + " at " + width + " px is at x = " + box.getX() + " to "
                    + (box.getX() + box.getWidth()) + " on a screen of " + screen + " px");
        }
        ((List<String>) browser.script(OUTSIDE))
                .forEach(problem -> problems.add("the open menu of " + role + " at " + width + " px: " + problem));
    }

    // --- the scripts that look at the page -----------------------------------------------------------------------

    /** Runs before each page's own scripts: keeps its script errors and counts htmx requests under way. */
    static final String RECORDER = """
            window.cairnErrors = [];
            window.cairnPending = 0;
            const keep = text => window.cairnErrors.push(String(text).slice(0, 300));
            addEventListener('error', e => keep(e.message ? 'script error: ' + e.message
                : 'failed to load ' + (e.target && (e.target.src || e.target.href))), true);
            addEventListener('unhandledrejection', e => keep('unhandled rejection: ' + e.reason));
            document.addEventListener('securitypolicyviolation',
                e => keep('blocked by the content security policy: ' + e.violatedDirective + ' ' + e.blockedURI));
            const consoleError = console.error;
            console.error = function () { keep('console error: ' + [...arguments].join(' '));
                return consoleError.apply(console, arguments); };
            document.addEventListener('htmx:beforeRequest', () => window.cairnPending++);
            document.addEventListener('htmx:afterRequest', () => window.cairnPending--);
            document.addEventListener('htmx:responseError', e => keep('htmx got HTTP ' + e.detail.xhr.status
                + ' from ' + e.detail.pathInfo.requestPath));
            """;

    /**
     * What sticks out sideways: the page itself, any element in sight outside the window, and any box that scrolls
     * sideways; a preformatted block (code) may scroll, and text cut off on purpose inside a clipped box is not in
     * sight.
     */
    static final String OUTSIDE = """
            const width = document.documentElement.clientWidth;
            const found = [];
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                + ' "' + (e.innerText || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
            if (document.documentElement.scrollWidth > width) {
                found.push('the page is ' + document.documentElement.scrollWidth + ' px wide');
            }
            const clipped = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                const s = getComputedStyle(p); if (s.overflowX !== 'visible') return true; } return false; };
            for (const e of document.body.querySelectorAll('*')) {
                if (!e.checkVisibility({visibilityProperty: true}) || e.closest('.skip-link, .visually-hidden')) continue;
                const box = e.getBoundingClientRect();
                if (box.width <= 1 || box.height <= 1) continue;
                if ((box.left < -1 || box.right > width + 1) && !clipped(e)) {
                    found.push(name(e) + ' lies at x = ' + Math.round(box.left) + ' to ' + Math.round(box.right));
                }
                const style = getComputedStyle(e);
                if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1
                        && !e.closest('pre, textarea, select') && !['INPUT', 'TEXTAREA', 'SELECT'].includes(e.tagName)) {
                    found.push(name(e) + ' scrolls sideways: ' + e.scrollWidth + ' px in ' + e.clientWidth + ' px');
                }
            }
            return found.slice(0, 5);""";

    /** Whether every item of the header in sight shares one row. */
    static final String ONE_ROW = """
            const items = [...document.querySelectorAll('header .brand, header .menu-panel > ul > li, header nav > ul > li, header nav > form')]
                .filter(e => e.checkVisibility()).map(e => e.getBoundingClientRect());
            return items.length === 0 || Math.max(...items.map(b => b.top)) < Math.min(...items.map(b => b.bottom));""";

    /** The words a reader meets on the page, its labels and hints included; code and other languages left out. */
    static final String WORDS = """
            const skip = 'script, style, template, noscript, code, pre, kbd, samp, [lang]:not(html), [translate=no]';
            const words = new Set();
            // ids (UUIDs) are data: a group of only letters, such as 'beec', would count as a word in both languages
            const add = text => (String(text || '').toLowerCase()
                .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ' ')
                .match(/[\\p{L}\\p{N}]+/gu) || [])
                .filter(w => w.length > 2 && !/\\p{N}/u.test(w)).forEach(w => words.add(w));
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                if (!walker.currentNode.parentElement.closest(skip)) add(walker.currentNode.nodeValue);
            }
            for (const e of document.body.querySelectorAll('[placeholder], [title], [aria-label], [alt]')) {
                if (!e.closest(skip)) ['placeholder', 'title', 'aria-label', 'alt'].forEach(a => add(e.getAttribute(a)));
            }
            add(document.title);
            return [...words];""";
}
