package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.MailServers;
import io.cairn.identity.Role;
import io.cairn.notification.NotificationManagement;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Mail to the security mailbox becomes a report, exactly once, and the sender is told its reference. */
@MailServers.Running
class MailIntakeTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MailboxPoller poller;

    @Autowired
    MailIntake mailIntake;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    DataSource dataSource;

    ApiClient handler;
    String run;

    @BeforeEach
    void setUp() throws Exception {
        MailServers.inbound().purgeEmailFromAllMailboxes();
        run = Long.toString(System.nanoTime(), 36);
        handler = client(users.userNamed("mh-" + run, Set.of(Role.HANDLER, Role.COORDINATOR)));
    }

    // --- mails ---------------------------------------------------------------------------------------------------

    private MimeMessage textMail(String from, String subject, String text) throws MessagingException {
        MimeMessage mail = MailServers.newMail();
        mail.setFrom(new InternetAddress(from));
        mail.setSubject(subject, "UTF-8");
        mail.setText(text, "UTF-8");
        return mail;
    }

    private MimeMessage mailWithAttachment(
            String from, String subject, String text, String filename, byte[] content, String declaredType)
            throws MessagingException {
        MimeMessage mail = MailServers.newMail();
        mail.setFrom(new InternetAddress(from));
        mail.setSubject(subject, "UTF-8");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(content, declaredType)));
        file.setFileName(filename);
        file.setDisposition(MimeBodyPart.ATTACHMENT);
        file.setHeader("Content-Transfer-Encoding", "base64");
        mail.setContent(new MimeMultipart(body, file));
        return mail;
    }

    private MailboxPoller.Poll poll() {
        MailboxPoller.Poll poll = poller.poll();
        assertThat(poll.polled()).as("the poll ran").isTrue();
        assertThat(poll.failed()).as("no mail failed").isZero();
        return poll;
    }

    // --- reading back --------------------------------------------------------------------------------------------

    private List<JsonNode> incidentsTitled(String words) {
        ApiClient.Answer found = handler.get("/api/v1/incidents?size=50&q=" + words.replace(' ', '+'));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        List<JsonNode> items = new java.util.ArrayList<>();
        found.json().get("items").forEach(items::add);
        return items;
    }

    private JsonNode onlyIncidentTitled(String words) {
        List<JsonNode> found = incidentsTitled(words);
        assertThat(found).as("incidents titled " + words).hasSize(1);
        return handler.get("/api/v1/incidents/" + found.get(0).get("id").asString())
                .json();
    }

    private JsonNode incidentOfMailFrom(String sender) {
        String id = jdbc.sql("select incident_id::text from intake_mail where sender = ?")
                .param(sender)
                .query(String.class)
                .single();
        return handler.get("/api/v1/incidents/" + id).json();
    }

    private MimeMessage onlyAcknowledgementTo(String address) {
        notifications.deliverDue();
        List<MimeMessage> sent = MailServers.sentTo(address);
        assertThat(sent).as("acknowledgements to " + address).hasSize(1);
        return sent.get(0);
    }

    private static String text(MimeMessage mail) throws IOException, MessagingException {
        return mail.getContent().toString().replace("\r\n", "\n");
    }

    // --- tests ---------------------------------------------------------------------------------------------------

    @Test
    void aMailBecomesAnIncidentWithItsAttachmentAndTheSenderGetsTheReferenceByMail() throws Exception {
        String sender = "walter-" + run + "@example.org";
        byte[] pdf = "%PDF-1.7\nnot really a document".getBytes(StandardCharsets.US_ASCII);
        MailServers.deliver(mailWithAttachment(
                sender,
                "Strange invoice " + run,
                "I opened the attached invoice.",
                "invoice.pdf",
                pdf,
                "application/pdf"));

        assertThat(poll().reported()).isEqualTo(1);

        JsonNode incident = onlyIncidentTitled("Strange invoice " + run);
        assertThat(incident.get("title").asString()).isEqualTo("Strange invoice " + run);
        assertThat(incident.get("description").asString())
                .startsWith("I opened the attached invoice.")
                .contains("Reported by e-mail from " + sender)
                .contains("invoice.pdf");
        assertThat(incident.get("reporter").isNull()).isTrue();
        String id = incident.get("id").asString();
        JsonNode attachments =
                handler.get("/api/v1/incidents/" + id + "/attachments").json();
        assertThat(attachments.size()).isEqualTo(1);
        JsonNode attachment = attachments.get(0);
        assertThat(attachment.get("filename").asString()).isEqualTo("invoice.pdf");
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(attachment.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(attachment.get("sha256").asString())
                .isEqualTo(io.cairn.shared.ContentDigest.of(pdf).hex());
        ApiClient.Answer download = handler.get("/api/v1/incidents/" + id + "/attachments/"
                + attachment.get("id").asString());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(download.header("Content-Disposition"))
                .contains("attachment")
                .contains("invoice.pdf");
        assertThat(download.body()).isEqualTo(new String(pdf, StandardCharsets.US_ASCII));

        assertThat(jdbc.sql("select count(*) from notification_outbox where recipient = ? and secrets is not null")
                        .param(sender)
                        .query(Long.class)
                        .single())
                .as("the code waits in the outbox")
                .isEqualTo(1);
        MimeMessage acknowledgement = onlyAcknowledgementTo(sender);
        assertThat(jdbc.sql("select count(*) from notification_outbox where recipient = ? and secrets is null")
                        .param(sender)
                        .query(Long.class)
                        .single())
                .as("and is erased once delivered")
                .isEqualTo(1);
        String reference = incident.get("reference").asString();
        assertThat(acknowledgement.getSubject()).contains(reference);
        assertThat(acknowledgement.getFrom()[0].toString()).isEqualTo(MailServers.CAIRN_ADDRESS);
        assertThat(acknowledgement.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        String body = text(acknowledgement);
        assertThat(body)
                .contains(reference)
                .contains("https://cairn.test/follow-up\n")
                .containsPattern("\\n\\s+[A-Z2-9]{4}(-[A-Z2-9]{4}){4}\\n");
        String code = body.replaceAll("(?s).*\\n\\s+([A-Z2-9]{4}(-[A-Z2-9]{4}){4})\\n.*", "$1");
        ApiClient.Answer followUp =
                new ApiClient(port, null).post("/api/v1/public/follow-up", java.util.Map.of("code", code));
        assertThat(followUp.status()).as(followUp.toString()).isEqualTo(200);
        assertThat(followUp.json().get("reference").asString()).isEqualTo(reference);
    }

    @Test
    void aKnownSenderBecomesTheReporterAndIsSentTheLinkToTheirReportPage() throws Exception {
        String address = "Rita-" + run + "@Example.org";
        var rita = users.userNamed("rita-" + run, address.toLowerCase(), Set.of(Role.REPORTER));
        MailServers.deliver(textMail(address, "Lost my phone " + run, "Left it on the train."));

        poll();

        JsonNode incident = onlyIncidentTitled("Lost my phone " + run);
        assertThat(incident.get("reporter").asString()).isEqualTo(rita.id().toString());
        assertThat(incident.get("description").asString()).isEqualTo("Left it on the train.");
        ApiClient.Answer mine =
                client(rita).get("/api/v1/me/reports/" + incident.get("id").asString());
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        String body = text(onlyAcknowledgementTo(address.toLowerCase()));
        assertThat(body)
                .contains("https://cairn.test/reports/" + incident.get("id").asString())
                .doesNotContain("follow-up code");
        assertThat(jdbc.sql("select count(*) from intake_follow_up where incident_id = ?::uuid")
                        .param(incident.get("id").asString())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theSameMailDeliveredTwiceIsReportedOnce() throws Exception {
        String messageId = "<twice-" + run + "@example.org>";
        for (int copy = 0; copy < 2; copy++) {
            MimeMessage mail = MailServers.newMail(messageId);
            mail.setFrom(new InternetAddress("twice-" + run + "@example.org"));
            mail.setSubject("Delivered twice " + run);
            mail.setText("The list sent it to us twice.");
            MailServers.deliver(mail);
        }

        MailboxPoller.Poll first = poll();

        assertThat(first.reported()).isEqualTo(1);
        assertThat(first.alreadyReported()).isEqualTo(1);
        assertThat(incidentsTitled("Delivered twice " + run)).hasSize(1);
        assertThat(poll().reported()).as("a second poll finds nothing new").isZero();
        assertThat(onlyAcknowledgementTo("twice-" + run + "@example.org")).isNotNull();
    }

    @Test
    void aMailWithoutMessageIdIsRecognisedByItsDigest() throws Exception {
        MimeMessage mail = MailServers.newMail("");
        mail.setFrom(new InternetAddress("noid-" + run + "@example.org"));
        mail.setSubject("No message id " + run);
        mail.setText("My mail client is old.");
        MailServers.deliver(mail);

        poll();
        unflagEverything();
        MailboxPoller.Poll again = poll();

        assertThat(again.reported()).isZero();
        assertThat(again.alreadyReported()).isEqualTo(1);
        assertThat(incidentsTitled("No message id " + run)).hasSize(1);
        assertThat(jdbc.sql("select message_key from intake_mail where sender = ?")
                        .param("noid-" + run + "@example.org")
                        .query(String.class)
                        .single())
                .matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void aMailReportedJustBeforeCairnStoppedIsOnlyFlaggedAfterwards() throws Exception {
        // Cairn committed the report, then stopped before it could flag the mail: the mailbox still shows it as new
        MailServers.deliver(textMail(
                "crash-" + run + "@example.org", "Reported before the crash " + run, "Committed, but never flagged."));
        poll();
        unflagEverything();
        assertThat(processedFlags()).containsOnly(false);

        MailboxPoller.Poll afterRestart = poll();

        assertThat(afterRestart.reported()).isZero();
        assertThat(afterRestart.alreadyReported()).isEqualTo(1);
        assertThat(processedFlags()).containsOnly(true);
        assertThat(incidentsTitled("Reported before the crash " + run)).hasSize(1);
        assertThat(onlyAcknowledgementTo("crash-" + run + "@example.org")).isNotNull();
    }

    @Test
    void aPollerStoppedHalfWayThroughTheMailboxCatchesUpWithoutLosingOrDoublingAReport() throws Exception {
        for (int i = 1; i <= 5; i++) {
            MailServers.deliver(textMail("batch-" + run + "@example.org", "Batch " + run + " mail " + i, "Mail " + i));
        }
        MailboxPoller.Poll stopped = poller.poll(2);
        assertThat(stopped.reported()).isEqualTo(2);
        for (int i = 6; i <= 7; i++) {
            MailServers.deliver(textMail("batch-" + run + "@example.org", "Batch " + run + " mail " + i, "Mail " + i));
        }

        MailboxPoller.Poll restarted = poll();

        assertThat(restarted.reported()).isEqualTo(5);
        for (int i = 1; i <= 7; i++) {
            String title = "Batch " + run + " mail " + i;
            assertThat(incidentsTitled(title).stream()
                            .filter(incident -> incident.get("title").asString().equals(title)))
                    .as(title)
                    .hasSize(1);
        }
        assertThat(jdbc.sql("select count(*) from intake_mail where sender = ?")
                        .param("batch-" + run + "@example.org")
                        .query(Long.class)
                        .single())
                .isEqualTo(7);
        assertThat(processedFlags()).hasSize(7).containsOnly(true);
    }

    @Test
    void aMailWithoutTextIsReportedAndTheAcknowledgementAsksForDetails() throws Exception {
        MimeMessage mail = MailServers.newMail();
        mail.setFrom(new InternetAddress("empty-" + run + "@example.org"));
        mail.setSubject("Nothing to say " + run);
        mail.setText("", "UTF-8");
        MailServers.deliver(mail);

        poll();

        JsonNode incident = onlyIncidentTitled("Nothing to say " + run);
        assertThat(incident.get("description").asString())
                .startsWith("(The mail had no text. The sender was asked by mail to reply with the details.)");
        assertThat(text(onlyAcknowledgementTo("empty-" + run + "@example.org")))
                .contains("Your mail had no text. Please reply to this mail with the details");
    }

    @Test
    void aMailWithoutSubjectOrTextStillBecomesAReport() throws Exception {
        MimeMessage mail = MailServers.newMail();
        mail.setFrom(new InternetAddress("blank-" + run + "@example.org"));
        mail.setText("\n\n", "UTF-8");
        MailServers.deliver(mail);

        poll();

        JsonNode incident = incidentOfMailFrom("blank-" + run + "@example.org");
        assertThat(incident.get("title").asString())
                .isEqualTo("E-mail without a subject from blank-" + run + "@example.org");
    }

    @Test
    void anAttachmentAboveTheLimitIsNotKeptButTheMailIsReportedWithANoteThatSaysWhich() throws Exception {
        byte[] huge = new byte[200 * 1024];
        new java.util.Random(7).nextBytes(huge);
        MimeMessage mail = mailWithAttachment(
                "huge-" + run + "@example.org",
                "Huge attachment " + run,
                "The log file is attached.",
                "server.log.gz",
                huge,
                "application/gzip");
        MailServers.deliver(mail);

        poll();

        JsonNode incident = onlyIncidentTitled("Huge attachment " + run);
        String id = incident.get("id").asString();
        assertThat(handler.get("/api/v1/incidents/" + id + "/attachments")
                        .json()
                        .size())
                .isZero();
        assertThat(incident.get("description").asString()).contains("too large to keep: server.log.gz");
        JsonNode timeline = handler.get("/api/v1/incidents/" + id + "/timeline").json();
        assertThat(timeline.findValuesAsString("note"))
                .anySatisfy(note -> assertThat(note)
                        .isEqualTo("The attachment 'server.log.gz' was not kept: it is larger than the limit of 64 KB "
                                + "(cairn.intake.max-attachment-size)."));
        assertThat(onlyAcknowledgementTo("huge-" + run + "@example.org")).isNotNull();
    }

    @Test
    void anHtmlOnlyMailBecomesTextThatShowsWhereEachLinkReallyGoes() throws Exception {
        MimeMessage mail = MailServers.newMail();
        mail.setFrom(new InternetAddress("html-" + run + "@example.org"));
        mail.setSubject("Phishing in HTML " + run);
        mail.setContent(
                "<html><head><style>p{color:red}</style></head><body><p>Dear customer,</p>"
                        + "<p>Please <a href=\"https://evil.example/login\">log in to your bank</a> today.<br>Thanks</p>"
                        + "<script>alert(1)</script></body></html>",
                "text/html; charset=UTF-8");
        MailServers.deliver(mail);

        poll();

        assertThat(onlyIncidentTitled("Phishing in HTML " + run)
                        .get("description")
                        .asString())
                .startsWith("Dear customer,\n\nPlease log in to your bank <https://evil.example/login> today.\nThanks")
                .doesNotContain("color:red")
                .doesNotContain("alert(1)");
    }

    @Test
    void aForwardedMailIsKeptAsAnAttachmentWithItsSniffedType() throws Exception {
        MimeMessage forwarded = textMail("scammer@evil.example", "You won", "Send us your PIN.");
        MimeMessage mail = MailServers.newMail();
        mail.setFrom(new InternetAddress("forward-" + run + "@example.org"));
        mail.setSubject("Fwd: You won " + run);
        MimeBodyPart body = new MimeBodyPart();
        body.setText("Is this real?");
        MimeBodyPart attached = new MimeBodyPart();
        attached.setContent(forwarded, "message/rfc822");
        mail.setContent(new MimeMultipart(body, attached));
        MailServers.deliver(mail);

        poll();

        String id = onlyIncidentTitled("Fwd: You won " + run).get("id").asString();
        JsonNode attachment =
                handler.get("/api/v1/incidents/" + id + "/attachments").json().get(0);
        assertThat(attachment.get("filename").asString()).endsWith(".eml");
        assertThat(attachment.get("contentType").asString())
                .as(attachment.toString())
                .isEqualTo("message/rfc822");
    }

    @Test
    void anAutomaticReplyIsReportedButNeverAnswered() throws Exception {
        MimeMessage mail = textMail("robot-" + run + "@example.org", "Out of office " + run, "I am away.");
        mail.setHeader("Auto-Submitted", "auto-replied");
        MailServers.deliver(mail);

        poll();
        notifications.deliverDue();

        assertThat(incidentsTitled("Out of office " + run)).hasSize(1);
        assertThat(MailServers.sentTo("robot-" + run + "@example.org")).isEmpty();
    }

    @Test
    void aReportThatFailsHalfWayLeavesNothingBehindSoTheNextPollReportsTheMailWhole() {
        String key = "<half-way-" + run + "@example.org>";
        ReceivedMail broken = new ReceivedMail(
                key,
                key,
                "half-" + run + "@example.org",
                null,
                "Half way " + run,
                "The database refuses the attachment's name.",
                "en",
                false,
                List.of(new ReceivedMail.Attachment("nul\u0000.txt", "text/plain", new byte[] {1})),
                List.of());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mailIntake.report(broken))
                .isInstanceOf(RuntimeException.class);

        assertThat(mailIntake.isRecorded(key)).isFalse();
        assertThat(incidentsTitled("Half way " + run)).isEmpty();
        assertThat(jdbc.sql("select count(*) from intake_follow_up f where not exists "
                                + "(select 1 from incident i where i.id = f.incident_id)")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void controlCharactersThatTheDatabaseRefusesAreLeftOutRatherThanBlockingTheMail() throws Exception {
        MimeMessage mail = MailServers.newMail();
        mail.setFrom(new InternetAddress("nul-" + run + "@example.org"));
        mail.setSubject("Zero\u0000byte " + run, "UTF-8");
        mail.setText("before\u0000after", "UTF-8");
        MailServers.deliver(mail);

        assertThat(poll().reported()).isEqualTo(1);

        JsonNode incident = incidentOfMailFrom("nul-" + run + "@example.org");
        assertThat(incident.get("title").asString()).isEqualTo("Zerobyte " + run);
        assertThat(incident.get("description").asString()).startsWith("beforeafter");
    }

    @Test
    void whileAnotherNodePollsThisOneLeavesTheMailboxAlone() throws Exception {
        MailServers.deliver(textMail("locked-" + run + "@example.org", "Polled by another node " + run, "Wait."));
        try (Connection otherNode = dataSource.getConnection();
                PreparedStatement lock = otherNode.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, 0x636169726e4d4149L);
            lock.execute();

            try {
                assertThat(poller.poll().polled()).isFalse();
                assertThat(incidentsTitled("Polled by another node " + run)).isEmpty();
            } finally {
                // The lock belongs to the session, which outlives close() in the pool: leave no lock behind.
                try (PreparedStatement unlock = otherNode.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, 0x636169726e4d4149L);
                    unlock.execute();
                }
            }
        }

        assertThat(poll().reported()).isEqualTo(1);
    }

    private static String followUpCodeIn(String acknowledgement) {
        return acknowledgement.replaceAll("(?s).*\\n\\s+([A-Z2-9]{4}(-[A-Z2-9]{4}){4})\\n.*", "$1");
    }

    private MimeMessage replyTo(MimeMessage acknowledgement, String from, String text) throws Exception {
        MimeMessage reply = MailServers.newMail();
        reply.setFrom(new InternetAddress(from));
        reply.setSubject("Re: " + acknowledgement.getSubject());
        reply.setHeader("In-Reply-To", acknowledgement.getMessageID());
        reply.setText(
                text + "\n\nOn Monday, Cairn <cairn@cairn.test> wrote:\n"
                        + text(acknowledgement)
                                .lines()
                                .map(line -> "> " + line)
                                .collect(java.util.stream.Collectors.joining("\n")),
                "UTF-8");
        return reply;
    }

    @Test
    void aReplyToTheAcknowledgementJoinsTheConversationOfTheReportWithoutTheQuotedCode() throws Exception {
        String sender = "reply-" + run + "@example.org";
        MailServers.deliver(textMail(sender, "Tell you later " + run, ""));
        poll();
        MimeMessage acknowledgement = onlyAcknowledgementTo(sender);
        String code = followUpCodeIn(text(acknowledgement));

        MailServers.deliver(replyTo(acknowledgement, sender, "It happened at ten, on the shared laptop."));
        MailboxPoller.Poll poll = poll();

        assertThat(poll.reported()).isEqualTo(1);
        assertThat(incidentsTitled("Tell you later " + run)).hasSize(1);
        assertThat(jdbc.sql("select count(distinct incident_id) from intake_mail where sender = ?")
                        .param(sender)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        ApiClient.Answer followUp =
                new ApiClient(port, null).post("/api/v1/public/follow-up", java.util.Map.of("code", code));
        assertThat(followUp.status()).as(followUp.toString()).isEqualTo(200);
        assertThat(followUp.json().get("conversation").findValuesAsString("note"))
                .contains("It happened at ten, on the shared laptop.");
        assertThat(followUp.body()).doesNotContain(code).doesNotContain("> ");
        notifications.deliverDue();
        assertThat(MailServers.sentTo(sender))
                .as("a reply is not acknowledged again")
                .hasSize(1);
    }

    @Test
    void aReplyFromAKnownReporterIsSignedWithTheirName() throws Exception {
        String address = "kim-" + run + "@example.org";
        var kim = users.userNamed("kim-" + run, address, Set.of(Role.REPORTER));
        MailServers.deliver(textMail(address, "USB stick found " + run, "In the car park."));
        poll();
        String id = onlyIncidentTitled("USB stick found " + run).get("id").asString();

        MailServers.deliver(replyTo(onlyAcknowledgementTo(address), address, "It is blue."));
        poll();

        JsonNode mine = client(kim).get("/api/v1/me/reports/" + id).json();
        JsonNode reply = java.util.stream.StreamSupport.stream(
                        mine.get("conversation").spliterator(), false)
                .filter(entry -> entry.get("kind").asString().equals("reporter-replied"))
                .findFirst()
                .orElseThrow();
        assertThat(reply.get("note").asString()).isEqualTo("It is blue.");
        assertThat(reply.toString()).contains("kim-" + run);
    }

    @Test
    void aMailFromAnotherAddressQuotingAReferenceIsANewReport() throws Exception {
        String sender = "first-" + run + "@example.org";
        MailServers.deliver(textMail(sender, "Original report " + run, "Something odd."));
        poll();
        MimeMessage acknowledgement = onlyAcknowledgementTo(sender);

        MailServers.deliver(replyTo(acknowledgement, "stranger-" + run + "@example.org", "Me too " + run));
        poll();

        assertThat(incidentOfMailFrom("stranger-" + run + "@example.org")
                        .get("title")
                        .asString())
                .startsWith("Re: Your report INC-");
        assertThat(incidentsTitled("Original report " + run)).hasSize(1);
    }

    // --- the mailbox as a mail client sees it ---------------------------------------------------------------------

    private List<Boolean> processedFlags() throws MessagingException {
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Boolean> flags = new java.util.ArrayList<>();
            for (Message message : inbox.getMessages()) {
                flags.add(message.isSet(Flags.Flag.SEEN) && message.getFlags().contains(MailboxPoller.PROCESSED));
            }
            inbox.close(false);
            return flags;
        }
    }

    /** What a stop between commit and flagging leaves: mails reported but still new in the mailbox. */
    private void unflagEverything() throws MessagingException {
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Flags flags = new Flags(Flags.Flag.SEEN);
            flags.add(MailboxPoller.PROCESSED);
            for (Message message : inbox.getMessages()) {
                message.setFlags(flags, false);
            }
            inbox.close(false);
        }
    }

    private static Store imap() throws MessagingException {
        Store store = com.icegreen.greenmail.util.GreenMailUtil.getSession(
                        MailServers.inbound().getImap().getServerSetup())
                .getStore("imap");
        store.connect(MailServers.MAILBOX_LOGIN, MailServers.MAILBOX_PASSWORD);
        return store;
    }

    @Test
    void theLinksOfAReportedMailBecomeUrlObservablesThatAreNoIndicatorsYet() throws Exception {
        MimeMessage mail = MailServers.newMail();
        mail.setFrom(new InternetAddress("someone-" + run + "@example.org"));
        mail.setSubject("Odd mail " + run, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Please check http://Other.Example/path. and https://evil.example/login?x=1", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(
                "<p>Your mailbox is full: <a href=\"https://evil.example/login?x=1\">log in</a>"
                        + " <a href=\"mailto:x@example.org\">mail</a> <a href=\"https://[bad\">bad</a></p>",
                "text/html; charset=UTF-8");
        mail.setContent(new MimeMultipart("alternative", text, html));
        MailServers.deliver(mail);

        poll();

        JsonNode incident = onlyIncidentTitled("Odd mail " + run);
        JsonNode observables = handler.get(
                        "/api/v1/incidents/" + incident.get("id").asString() + "/observables")
                .json();
        assertThat(observables.valueStream().map(o -> o.get("value").asString()))
                .containsExactly("http://other.example/path", "https://evil.example/login?x=1");
        assertThat(observables.valueStream()).allSatisfy(o -> {
            assertThat(o.get("type").asString()).isEqualTo("url");
            assertThat(o.get("source").asString()).isEqualTo("mail");
            assertThat(o.get("ioc").asBoolean()).isFalse();
        });
    }
}
