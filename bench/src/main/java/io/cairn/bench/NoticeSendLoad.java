package io.cairn.bench;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The notice send of issue 12 (item 7: to 10,000 people through a local SMTP server at 200 mails/s or more when the
 * rate limit allows it): a personal-data breach of high risk made through the API ({@link Breach}), whose privacy
 * officer uploads a CSV of that many people (distinct addresses, English and Dutch in turn) to its notice to the data
 * subjects and starts sending it at the text's version; then the benchmark polls the notice's counts through the API
 * until nobody waits, and reads what the SMTP server (GreenMail, in this JVM) received: the rate is the people over
 * the time from the first mail received to the last, and every address must have received exactly one mail. Each run
 * has a list of its own, so that a warm-up send before the measured one is told apart.
 */
final class NoticeSendLoad {

    /**
     * What one send did.
     *
     * @param counts the notice's counts through the API at the end (people, waiting, sent, failed, unknown...)
     * @param received the mails the SMTP server received
     * @param exactlyOnce the addresses of the list that received exactly one mail
     * @param firstToLast from the first mail received to the last
     * @param untilFirst from the send request to the first mail received
     * @param untilAllSent from the send request to the poll that found nobody waiting, or null when the time ran out
     * @param cpu where the CPU went from the send request to that poll
     * @param load the load average before the send request and after the last mail
     */
    record Result(int people, Map<String, Object> counts, int received, int exactlyOnce, Duration firstToLast,
            Duration untilFirst, Duration untilAllSent, String cpu, String load) {

        /** Mails a second from the first received to the last. */
        double perSecond() {
            return firstToLast.isZero() ? 0 : received * 1000.0 / firstToLast.toMillis();
        }

        boolean complete() {
            return untilAllSent != null && received == people && exactlyOnce == people
                    && counts.get("sent") instanceof Number sent && sent.intValue() == people;
        }
    }

    private static final long POLL_MILLIS = 150;

    private NoticeSendLoad() {}

    /**
     * Sends the notice to {@code people} people, waiting for {@code quiet} just before the send request and at most
     * {@code limit} for the send to end.
     */
    static Result run(String baseUrl, String admin, String coordinator, Accounts.Client officer, GreenMail smtp,
            int people, Duration limit, CpuMeter meter, int cores, Callable<Void> quiet, Consumer<String> say)
            throws Exception {
        String notice = Breach.make(baseUrl, admin, coordinator, officer.user(), "high-risk").notice();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Api.upload(notice + "/people", officer.token(), "people.csv", "text/csv", csv(people, suffix), 200);
        // GreenMail makes a mailbox for each new address it receives mail for, looking through every mailbox it has:
        // made beforehand, its cost is not counted in the send
        for (int person = 0; person < people; person++) {
            smtp.setUser(address(person, suffix), address(person, suffix), "bench");
        }
        long version = ((Number) Api.call("GET", notice + "/text", officer.token(), null, 200).json().get("version"))
                .longValue();
        say.accept(String.format("notice: %,d people imported; sending", people));
        quiet.call();
        String loadBefore = MarkedSection.loadAverage();
        long self = ProcessHandle.current().pid();
        double selfBefore = CpuMeter.processTicks(self);
        meter.start();
        long posted = System.currentTimeMillis();
        Api.call("POST", notice + "/send", officer.token(), "{\"version\": " + version + "}", 200);
        Map<String, Object> counts = Map.of();
        Duration untilAllSent = null;
        for (long polls = 0; polls < limit.toMillis() / POLL_MILLIS && untilAllSent == null; polls++) {
            Thread.sleep(POLL_MILLIS);
            counts = counts(notice, officer.token());
            if (counts.get("waiting") instanceof Number waiting && waiting.intValue() == 0) {
                untilAllSent = Duration.ofMillis(System.currentTimeMillis() - posted);
            } else if (polls % 33 == 0) {
                say.accept("notice: " + counts);
            }
        }
        CpuMeter.Usage usage = meter.stop();
        String cpu = usage.describe(cores, "bench JVM (GreenMail and the polling)",
                (CpuMeter.processTicks(self) - selfBefore) / 100.0);
        return received(smtp, people, suffix, posted, counts, untilAllSent, cpu,
                loadBefore + " before, " + MarkedSection.loadAverage() + " after");
    }

    /** The people of the list: distinct addresses, English and Dutch in turn. */
    private static byte[] csv(int people, String suffix) {
        StringBuilder csv = new StringBuilder("name,e-mail,language\n");
        for (int person = 0; person < people; person++) {
            csv.append("Person ").append(person).append(',').append(address(person, suffix)).append(',')
                    .append(person % 2 == 0 ? "en" : "nl").append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String address(int person, String suffix) {
        return "p" + person + "-" + suffix + "@example.org";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> counts(String notice, String token) throws Exception {
        return (Map<String, Object>) Api.call("GET", notice, token, null, 200).json().get("counts");
    }

    /**
     * What the SMTP server received for this list (its addresses carry the suffix): the mails to each address, and the
     * first and last instants.
     */
    private static Result received(GreenMail smtp, int people, String suffix, long posted, Map<String, Object> counts,
            Duration untilAllSent, String cpu, String load) throws MessagingException {
        List<StoredMessage> messages = smtp.getManagers().getImapHostManager().getAllMessages();
        Map<String, Integer> perAddress = new HashMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int received = 0;
        for (StoredMessage message : messages) {
            MimeMessage mime = message.getMimeMessage();
            boolean ours = false;
            for (Address to : mime.getRecipients(MimeMessage.RecipientType.TO)) {
                String address = to.toString().toLowerCase(Locale.ROOT);
                if (address.endsWith("-" + suffix + "@example.org")) {
                    perAddress.merge(address, 1, Integer::sum);
                    ours = true;
                }
            }
            if (ours) {
                received++;
                first = Math.min(first, message.getReceivedDate().getTime());
                last = Math.max(last, message.getReceivedDate().getTime());
            }
        }
        int exactlyOnce = 0;
        for (int person = 0; person < people; person++) {
            exactlyOnce += perAddress.getOrDefault(address(person, suffix), 0) == 1 ? 1 : 0;
        }
        boolean any = received > 0;
        return new Result(people, counts, received, exactlyOnce,
                Duration.ofMillis(any ? last - first : 0), Duration.ofMillis(any ? first - posted : 0),
                untilAllSent, cpu, load);
    }
}
