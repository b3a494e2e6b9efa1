package io.cairn.isms.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cairn.Pages;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.isms.files.FileReception;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Attachments on the pages of a step and its run, without a browser: the approver attaches a file with the step page's
 * plain form and sees it listed with its SHA-256; the run's page lists it; once decided, the form is gone and a post is
 * refused; a stranger gets a 404.
 */
class StepAttachmentPagesTest extends Pages.OnServer {

    static final byte[] FORM = "signed access form\n".getBytes(StandardCharsets.UTF_8);

    private <B extends AbstractMockHttpServletRequestBuilder<B>> B as(TestUser user, B request) {
        return request.with(authentication(users.authentication(user)));
    }

    private String page(TestUser user, String path) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(as(user, get(path)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private MvcResult attach(TestUser user, String stepPath, byte[] content, String description) throws Exception {
        return mvc.perform(as(
                                user,
                                multipart(stepPath + "/attachments")
                                        .file(new MockMultipartFile("file", "formulier.txt", "text/plain", content))
                                        .param("description", description))
                        .with(csrf()))
                .andReturn();
    }

    @Test
    void theApproverAttachesAFileOnTheStepPageAndTheRunPageListsItUntilTheStepIsDecided() throws Exception {
        TestUser requester = users.user("sapreq", Set.of(Role.REPORTER));
        TestUser manager = users.user("sapman", Set.of(Role.REPORTER));
        TeamId facilities = users.team("sap-facilities");
        TestUser stranger = users.user("sapres", Set.of(Role.RESOLVER), facilities);
        String zoneAccess = context.getBean(JdbcClient.class)
                .sql("select id from isms_procedure_type where type_key = 'secure-zone-access'")
                .query(UUID.class)
                .single()
                .toString();
        String runPage = mvc.perform(as(requester, post("/procedures/start/" + zoneAccess))
                        .with(csrf())
                        .param("values.person", "P. de Vries")
                        .param("values.zone", "Server room B")
                        .param("values.reason", "Replace a disk")
                        .param("values.from", "2026-12-07")
                        .param("values.until", "2026-12-08")
                        .param("values.manager", manager.username()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String waiting = page(manager, "/procedures");
        String stepPath = waiting.substring(waiting.indexOf("/procedures/steps/"));
        stepPath = stepPath.substring(0, stepPath.indexOf('"'));
        assertThat(page(manager, stepPath + "?lang=nl")).contains("Bijlagen", "Bestand toevoegen");

        MvcResult attached = attach(manager, stepPath, FORM, "Getekend formulier");
        assertThat(attached.getResponse().getRedirectedUrl()).endsWith("#step-attachments");
        String sha256 = FileReception.sha256Of(FORM);
        assertThat(page(manager, stepPath + "?lang=nl"))
                .contains("formulier.txt", "Getekend formulier", sha256.substring(0, 12), "title=\"" + sha256 + "\"");
        assertThat(page(requester, runPage)).contains("formulier.txt", "1 attached", "SHA-256 " + sha256);
        assertThat(page(requester, stepPath)).doesNotContain("attachment-form");
        assertThat(attach(manager, stepPath, new byte[0], "")
                        .getFlashMap()
                        .get("attachmentProblems")
                        .toString())
                .contains("file");
        mvc.perform(as(
                                stranger,
                                multipart(stepPath + "/attachments")
                                        .file(new MockMultipartFile("file", "x.txt", "text/plain", FORM)))
                        .with(csrf()))
                .andExpect(status().isNotFound());

        String version = page(manager, stepPath).replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
        mvc.perform(as(manager, post(stepPath + "/decision"))
                        .with(csrf())
                        .param("approved", "true")
                        .param("version", version))
                .andExpect(status().is3xxRedirection());
        assertThat(page(manager, stepPath)).contains("formulier.txt").doesNotContain("attachment-form");
        assertThat(attach(manager, stepPath, FORM, "te laat")
                        .getFlashMap()
                        .get("attachmentProblems")
                        .toString())
                .contains("approved");
    }
}
