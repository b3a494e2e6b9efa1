package io.cairn.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cairn.Pages;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.incidents.IncidentCommands;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import io.cairn.incidents.Status;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The knowledge pages without a browser: safe articles, messages next to fields, and who sees which page. */
class KnowledgePagesTest extends Pages.OnServer {

    @Autowired
    KnowledgeManagement knowledge;

    @Autowired
    IncidentManagement incidents;

    TestUser handler;
    TestUser reporter;
    TestUser resolver;
    TestUser admin;
    String suffix;

    @BeforeEach
    void setUp() {
        handler = users.user("handler", Set.of(Role.HANDLER));
        reporter = users.user("reporter", Set.of(Role.REPORTER));
        resolver = users.user("resolver", Set.of(Role.RESOLVER));
        admin = users.user("admin", Set.of(Role.ADMIN));
        suffix = TestUsers.unique("k").replaceAll("[^a-z0-9]", "");
    }

    private Document page(TestUser user, String path) throws Exception {
        String html = mvc.perform(get(path).with(authentication(users.authentication(user))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(html);
    }

    @Test
    void showsAnArticleWithoutItsScriptsOrEventHandlers() throws Exception {
        String slug = "page-" + suffix;
        users.as(
                        handler,
                        () -> knowledge.write(
                                new ArticleDraft(slug, "Markup", """
                <script>document.title='owned'</script>
                <div onmouseover="alert(1)">hover</div>

                [run](javascript:alert(1)) [ok](https://example.org)
                """, Audience.HANDLERS, List.of(), List.of(), 0)))
                .orRefuse();

        Document article = page(handler, "/knowledge/" + slug);

        assertThat(article.select(".article-body script")).isEmpty();
        assertThat(article.select(".article-body [onmouseover], .article-body [onclick]"))
                .isEmpty();
        assertThat(article.select(".article-body a").eachAttr("href")).containsExactly("", "https://example.org");
        assertThat(article.select(".article-body").text()).contains("<script>document.title='owned'</script>");
    }

    @Test
    void showsTheProblemsOfAnArticleNextToTheirFields() throws Exception {
        String html = mvc.perform(post("/knowledge")
                        .param("slug", "Bad Slug!")
                        .param("title", "T")
                        .param("body", "x")
                        .param("audience", "handlers")
                        .param("version", "0")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(html).select("#slug-error").text()).contains("lower-case letters");

        html = mvc.perform(post("/knowledge")
                        .param("slug", "empty-" + suffix)
                        .param("title", " ")
                        .param("body", "x")
                        .param("audience", "handlers")
                        .param("version", "0")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(html).select("#title-error").text()).isEqualTo("Must not be empty");
        assertThat(Jsoup.parse(html).select("#title").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    void saysSoWhenAnArticleWasChangedSinceItWasOpened() throws Exception {
        String slug = "stale-" + suffix;
        users.as(
                        handler,
                        () -> knowledge.write(
                                new ArticleDraft(slug, "First", "one", Audience.HANDLERS, List.of(), List.of(), 0)))
                .orRefuse();
        users.as(
                        handler,
                        () -> knowledge.revise(
                                slug,
                                new ArticleDraft(slug, "Second", "two", Audience.HANDLERS, List.of(), List.of(), 1)))
                .orRefuse();

        String html = mvc.perform(post("/knowledge/" + slug)
                        .param("title", "Mine")
                        .param("body", "three")
                        .param("audience", "handlers")
                        .param("version", "1")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(Jsoup.parse(html).select(".form-errors").text()).isNotEmpty();
        assertThat(page(handler, "/knowledge/" + slug).select("h1").text()).isEqualTo("Second");
        assertThat(page(handler, "/knowledge/" + slug + "/history").select(".revisions tbody tr"))
                .hasSize(2);
        assertThat(page(handler, "/knowledge/" + slug + "/revisions/1")
                        .select("h1")
                        .text())
                .isEqualTo("First");
    }

    @Test
    void reportersGetSelfHelpButNotInternalArticlesOrTheEditor() throws Exception {
        String internal = "internal-page-" + suffix;
        users.as(
                        handler,
                        () -> knowledge.write(new ArticleDraft(
                                internal, "Internal", "x", Audience.HANDLERS, List.of(), List.of(), 0)))
                .orRefuse();

        mvc.perform(get("/knowledge").with(authentication(users.authentication(reporter))))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/help"));
        assertThat(page(reporter, "/help").select(".knowledge-hit a").eachText())
                .contains("How to recognise a phishing mail")
                .doesNotContain("Collecting mail headers");
        assertThat(page(reporter, "/help/recognising-phishing-mail")
                        .select("h1")
                        .text())
                .isEqualTo("How to recognise a phishing mail");
        mvc.perform(get("/knowledge/" + internal).with(authentication(users.authentication(reporter))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/knowledge/new").with(authentication(users.authentication(reporter))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/knowledge/" + internal)
                        .param("title", "x")
                        .param("body", "y")
                        .param("audience", "handlers")
                        .param("version", "1")
                        .with(authentication(users.authentication(reporter)))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/recurrences").with(authentication(users.authentication(handler))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/root-causes").with(authentication(users.authentication(handler))))
                .andExpect(status().isForbidden());
        assertThat(page(admin, "/admin/root-causes").select(".root-causes code").eachText())
                .contains("phishing", "lost-device", "unknown");
    }

    @Test
    void anyoneWithoutAnAccountReadsSelfHelpButNoArticleForHandlers() throws Exception {
        Document help = anonymous("/help");
        assertThat(help.select(".knowledge-hit a").eachText())
                .contains(
                        "How to recognise a phishing mail",
                        "Saving a suspicious e-mail for the security team",
                        "Phishing: what every colleague should know")
                .doesNotContain("Collecting mail headers", "Locking and wiping a lost device remotely");
        assertThat(anonymous("/help/phishing-evidence").select("h1").text())
                .isEqualTo("Saving a suspicious e-mail for the security team");
        assertThat(anonymous("/help?q=headers").select(".knowledge-hit a").eachText())
                .doesNotContain("Collecting mail headers");

        mvc.perform(get("/help/collecting-mail-headers")).andExpect(status().isNotFound());
        mvc.perform(get("/knowledge/collecting-mail-headers"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/knowledge/recognising-phishing-mail")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void theReportPortalLinksToSelfHelpForAnyoneAndTheLinksWork() throws Exception {
        for (String portalPage : List.of("/report", "/help")) {
            Document page = anonymous(portalPage);
            List<String> links =
                    page.select("main a[href^=/help], main a[href^=/report]").eachAttr("href");
            assertThat(links).as(portalPage).isNotEmpty();
            for (String link : links) {
                mvc.perform(get(link)).andExpect(status().isOk());
            }
        }
        assertThat(anonymous("/report").select("main a[href=/help]")).hasSize(1);
        for (String link : anonymous("/help/recognising-phishing-mail")
                .select(".article-body a")
                .eachAttr("href")) {
            mvc.perform(get(link)).andExpect(status().isOk());
        }
    }

    @Test
    void showsShippedArticlesAndTheirCategoriesInTheReadersLanguage() throws Exception {
        assertThat(anonymous("/help?lang=nl").select(".knowledge-hit a").eachText())
                .contains("Zo herkent u een phishingmail", "Een verdachte e-mail bewaren voor het securityteam")
                .doesNotContain("How to recognise a phishing mail");
        Document article = anonymous("/help/recognising-phishing-mail?lang=nl");
        assertThat(article.select("h1").text()).isEqualTo("Zo herkent u een phishingmail");
        assertThat(article.select(".article-body h2").eachText()).contains("Waarschuwingssignalen");
        assertThat(article.select(".article-meta .badge").eachText()).contains("Fraude / Phishing");
        assertThat(article.select(".article-meta .tag").eachText()).contains("#zelfhulp");
        assertThat(anonymous("/help?q=vergrendeld&lang=nl")
                        .select(".knowledge-hit a")
                        .eachText())
                .containsExactly("Laptop of telefoon kwijt of gestolen: wat u doet");

        Document internal = Jsoup.parse(mvc.perform(get("/knowledge/remote-wipe")
                        .param("lang", "nl")
                        .with(authentication(users.authentication(handler))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(internal.select("h1").text()).isEqualTo("Een verloren apparaat op afstand vergrendelen en wissen");
        assertThat(internal.select(".article-body table th").eachText()).contains("vergrendelen");
    }

    @Test
    void aRevisionSomeoneWritesIsShownAsWrittenWhileTheShippedRevisionKeepsItsTranslation() throws Exception {
        String slug = "shipped-" + suffix;
        knowledge.ship(
                new ArticleDraft(
                        slug,
                        "Shipped " + suffix,
                        "The shipped text.",
                        Audience.REPORTERS,
                        List.of(),
                        List.of("self-help"),
                        0),
                List.of(new Articles.Translation(
                        io.cairn.shared.Language.DUTCH,
                        "Meegeleverd " + suffix,
                        "De meegeleverde tekst.",
                        List.of("zelfhulp"))));

        assertThat(anonymous("/help/" + slug + "?lang=nl").select("h1").text()).isEqualTo("Meegeleverd " + suffix);
        assertThat(anonymous("/help/" + slug + "?lang=en").select("h1").text()).isEqualTo("Shipped " + suffix);
        Document editor = Jsoup.parse(mvc.perform(get("/knowledge/" + slug + "/edit")
                        .param("lang", "nl")
                        .with(authentication(users.authentication(handler))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(editor.select("#title").val()).isEqualTo("Meegeleverd " + suffix);

        users.as(
                        handler,
                        () -> knowledge.revise(
                                slug,
                                new ArticleDraft(
                                        slug,
                                        "Ours " + suffix,
                                        "Our own text.",
                                        Audience.REPORTERS,
                                        List.of(),
                                        List.of(),
                                        1)))
                .orRefuse();

        assertThat(anonymous("/help/" + slug + "?lang=nl").select("h1").text()).isEqualTo("Ours " + suffix);
        assertThat(page(handler, "/knowledge/" + slug + "/revisions/1?lang=nl")
                        .select("h1")
                        .text())
                .contains("Meegeleverd " + suffix);
        assertThat(page(handler, "/knowledge/" + slug + "/revisions/1?lang=en")
                        .select("h1")
                        .text())
                .contains("Shipped " + suffix);
    }

    @Test
    void namesTheShippedRootCausesInTheReadersLanguageAndSavingWhatWasShownRenamesNothing() throws Exception {
        Document causes = page(admin, "/admin/root-causes?lang=nl");
        assertThat(causes.select(".root-causes input[name=label]").eachAttr("value"))
                .contains("Menselijke fout", "Eigen medewerker (insider)", "Onbekend")
                .doesNotContain("Human error", "Unknown");
        RootCause insider = knowledge.rootCauses().stream()
                .filter(cause -> cause.key().equals("insider"))
                .findFirst()
                .orElseThrow();

        mvc.perform(post("/admin/root-causes/insider")
                        .param("label", "Eigen medewerker (insider)")
                        .param("retired", "false")
                        .param("version", String.valueOf(insider.version()))
                        .param("lang", "nl")
                        .with(authentication(users.authentication(admin)))
                        .with(csrf()))
                .andExpect(status().isFound());

        assertThat(knowledge.rootCauses().stream()
                        .filter(cause -> cause.key().equals("insider"))
                        .findFirst()
                        .orElseThrow()
                        .label())
                .isEqualTo("Insider");
    }

    private Document anonymous(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void hidesTheReviewSectionFromReportersAndResolvers() throws Exception {
        IncidentView incident = users.as(
                        reporter, () -> incidents.report(NewIncident.of("Mine " + suffix, "Lost my phone")))
                .orRefuse();
        String path = "/incidents/" + incident.id() + "/review";

        assertThat(page(reporter, path).select("#review").html()).isEmpty();
        assertThat(page(resolver, path).select("#review").html()).isEmpty();
        assertThat(page(handler, path).select("#review h2").text()).isEqualTo("Post-incident review");
        assertThat(page(reporter, "/incidents/" + incident.id() + "/knowledge")
                        .select("#knowledge")
                        .html())
                .isEmpty();
    }

    @Test
    void theReviewFormShowsOnceTheIncidentReachesReview() throws Exception {
        IncidentView reported = users.as(
                        handler, () -> incidents.report(NewIncident.of("Kiosk " + suffix, "Odd pop-up")))
                .orRefuse();
        String path = "/incidents/" + reported.id() + "/review";

        Document brandNew = page(handler, path);
        assertThat(brandNew.select("#review form"))
                .as("nothing to review on a new incident")
                .isEmpty();
        assertThat(brandNew.select("#review").text()).contains("once the incident reaches Review");

        IncidentView incident = reported;
        for (Status to :
                List.of(Status.TRIAGE, Status.ANALYSIS, Status.CONTAINMENT, Status.ERADICATION, Status.RECOVERY)) {
            long version = incident.version();
            incident = users.as(
                            handler,
                            () -> incidents.transition(
                                    reported.id(), new IncidentCommands.Transition(to, null, version)))
                    .orRefuse();
        }
        assertThat(page(handler, path).select("#review form.review-form"))
                .as("a P3 incident in recovery needs no review yet")
                .isEmpty();
        long version = incident.version();
        users.as(
                        handler,
                        () -> incidents.transition(
                                reported.id(), new IncidentCommands.Transition(Status.REVIEW, null, version)))
                .orRefuse();
        assertThat(page(handler, path).select("#review form.review-form")).hasSize(1);
    }
}
