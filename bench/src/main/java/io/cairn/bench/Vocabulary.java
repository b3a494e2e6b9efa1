package io.cairn.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Words, names and sentence templates for realistic incident titles and descriptions, so that full-text search meets
 * selective words (a workstation name: about 25 incidents per million), middling ones (a malware family or an
 * application: about 0.1 to 1 %) and common ones ({@code phishing}: about 15 %).
 */
final class Vocabulary {

    /** How many distinct workstations appear; each is named {@code wks} and five digits. */
    static final int WORKSTATIONS = 40_000;
    /** How many distinct servers appear; each is named {@code srv} and four digits. */
    static final int SERVERS = 4_000;

    static final List<String> MALWARE = List.of("emotet", "qakbot", "icedid", "lokibot", "agenttesla", "formbook",
            "redline", "raccoon", "lumma", "asyncrat", "njrat", "remcos", "cobaltstrike", "sliver", "bumblebee",
            "gootloader", "socgholish", "trickbot", "dridex", "ursnif", "lockbit", "blackcat", "akira", "royal",
            "clop", "conti", "ryuk", "mimikatz", "xmrig", "mirai");
    static final List<String> APPLICATIONS = List.of("sharepoint", "outlook", "teams", "salesforce", "workday",
            "servicenow", "jira", "confluence", "github", "gitlab", "jenkins", "vpn", "citrix", "okta", "entra",
            "exchange", "onedrive", "dropbox", "slack", "zoom", "sap", "oracle", "postgres", "kubernetes", "vault",
            "wordpress", "magento", "tableau", "docusign", "adobe", "chrome", "firefox", "fortigate", "paloalto",
            "cisco", "vmware", "veeam", "backup", "payroll", "crm");
    static final List<String> BRANDS = List.of("microsoft", "docusign", "dhl", "ups", "fedex", "paypal", "apple",
            "amazon", "linkedin", "netflix", "ing", "rabobank", "abnamro", "postnl", "belastingdienst", "google",
            "dropbox", "adobe", "zoom", "wetransfer");
    static final List<String> COUNTRIES = List.of("netherlands", "germany", "france", "belgium", "spain", "italy",
            "poland", "romania", "russia", "china", "brazil", "nigeria", "vietnam", "india", "usa", "ukraine");
    static final List<String> DEPARTMENTS = List.of("finance", "sales", "marketing", "engineering", "support",
            "legal", "procurement", "logistics", "research", "facilities", "treasury", "audit", "communications");
    static final List<String> FIRST_NAMES = List.of("Anna", "Bram", "Chloe", "Daan", "Emma", "Finn", "Gijs",
            "Hanna", "Iris", "Jesse", "Kees", "Lotte", "Milan", "Noor", "Olivier", "Pien", "Quinten", "Roos", "Sem",
            "Tess", "Umut", "Vera", "Wout", "Xander", "Yara", "Zoe", "Luca", "Mila", "Noah", "Sara", "Thijs",
            "Eva", "Lars", "Fleur", "Ruben", "Julia", "Max", "Lisa", "Tim", "Sophie");
    static final List<String> LAST_NAMES = List.of("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer",
            "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
            "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van den Berg", "Kok", "Jacobs", "Vermeulen",
            "Schouten", "Willems", "van Dijk", "Hoekstra", "Koster");

    /** Sentences any incident may have; {h} host, {s} server, {a} application, {d} department, {c} country. */
    private static final List<String> GENERIC = List.of(
            "The alert was raised by the monitoring platform on workstation {h}.",
            "A colleague from {d} reported this through the service desk.",
            "Initial triage shows activity from an address geolocated in {c}.",
            "The affected system {s} runs {a} and is used by the {d} department.",
            "Logs were collected from {s} and the proxy for the last seven days.",
            "The user confirmed that they did not expect this message.",
            "No business impact has been observed so far, monitoring continues.",
            "The service owner of {a} was informed and asked for a change freeze.",
            "Endpoint detection quarantined a suspicious file on {h}.",
            "Credentials of the affected account were reset as a precaution.",
            "Firewall rules were reviewed; outbound traffic to {c} is unusual for this host.",
            "The incident was escalated to the on-call engineer outside business hours.",
            "Several users in {d} received similar messages within one hour.",
            "A ticket was opened with the vendor of {a} for further analysis.",
            "Backups of {s} are available and were verified yesterday.",
            "Authentication logs show repeated failures followed by a success.",
            "The asset inventory lists {h} as a laptop assigned to {d}.",
            "Indicators were shared with the threat intelligence team.");

    private Vocabulary() {}

    /** A title for an incident of this RSIT class and type. */
    static String title(String rsitClass, String rsitType, SplittableRandom random) {
        String subject = switch (rsitType) {
            case "phishing" -> pick(List.of("Phishing e-mail impersonating {b}", "Credential phishing page for {b}",
                    "Phishing campaign targeting {d} with fake {b} invoice", "Reported phishing message about {b} login"),
                    random);
            case "spam" -> "Spam wave from compromised mailbox in {d}";
            case "harmful-speech", "violence" -> "Harassing messages sent to employees in {d}";
            case "infected-system" -> "Malware {m} detected on workstation {h}";
            case "c2-server" -> "Beaconing from {h} to {m} command and control server in {c}";
            case "malware-distribution" -> "Website {a} distributing {m} payload";
            case "malware-configuration" -> "{m} configuration file found on {s}";
            case "scanner" -> "Port scan against {s} from {c}";
            case "sniffing" -> "Traffic capture tool running on {s}";
            case "social-engineering" -> "Caller impersonating IT support asked {d} staff for passwords";
            case "ids-alert" -> "IDS alert for exploit attempt against {a} on {s}";
            case "brute-force" -> "Brute force against {a} accounts from {c}";
            case "exploit" -> "Exploitation attempt of {a} vulnerability on {s}";
            case "privileged-account-compromise" -> "Administrator account of {a} compromised";
            case "unprivileged-account-compromise" -> "Account of a {d} employee used from {c}";
            case "application-compromise" -> "Web shell found on {a} server {s}";
            case "system-compromise" -> "Server {s} compromised, {m} found";
            case "burglary" -> "Laptop {h} stolen from office";
            case "dos", "ddos" -> "Denial of service against {a} from {c}";
            case "misconfiguration" -> "Misconfigured {a} exposed to the internet";
            case "sabotage" -> "Deliberate deletion of {a} data by insider";
            case "outage" -> "Outage of {a} after failed change on {s}";
            case "unauthorised-information-access" -> "Unauthorised access to {a} records by {d} user";
            case "unauthorised-information-modification" -> "Unauthorised change of {a} data";
            case "data-loss" -> "Lost USB drive with {d} documents";
            case "data-leak" -> "Customer data from {a} posted on paste site";
            case "unauthorised-use-of-resources" -> "Cryptominer {m} running on {s}";
            case "copyright" -> "Copyright complaint about file sharing from {h}";
            case "masquerade" -> "Fake {b} domain registered to impersonate us";
            case "weak-crypto" -> "Weak TLS configuration on {a} endpoint";
            case "ddos-amplifier" -> "Open resolver on {s} used for amplification";
            case "potentially-unwanted-accessible" -> "Exposed {a} admin interface on {s}";
            case "information-disclosure" -> "{a} leaks version and internal paths";
            case "vulnerable-system" -> "Unpatched {a} on {s} with known critical vulnerability";
            case "test" -> "Test incident for the {d} exercise";
            default -> pick(List.of("Suspicious activity on {h}", "Unclear report from {d} about {a}",
                    "Unexpected behaviour of {a} on {s}"), random);
        };
        return fill(subject, random);
    }

    /** A description of two to four sentences, the first tied to the category. */
    static String description(String rsitClass, String rsitType, SplittableRandom random) {
        StringBuilder text = new StringBuilder(400);
        text.append(fill("Reported as " + rsitClass.replace('-', ' ') + ", " + rsitType.replace('-', ' ')
                + ", involving {a}.", random));
        int sentences = 2 + random.nextInt(3);
        for (int i = 0; i < sentences; i++) {
            text.append(' ').append(fill(pick(GENERIC, random), random));
        }
        return text.toString();
    }

    static String workstation(int index) {
        return "wks" + String.format("%05d", index);
    }

    private static String fill(String template, SplittableRandom random) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}') {
                out.append(switch (template.charAt(i + 1)) {
                    case 'h' -> workstation(random.nextInt(WORKSTATIONS));
                    case 's' -> "srv" + String.format("%04d", random.nextInt(SERVERS));
                    case 'a' -> skewed(APPLICATIONS, random);
                    case 'm' -> skewed(MALWARE, random);
                    case 'b' -> skewed(BRANDS, random);
                    case 'c' -> skewed(COUNTRIES, random);
                    case 'd' -> pick(DEPARTMENTS, random);
                    default -> "?";
                });
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    /** Earlier entries are more frequent: roughly Zipf-like. */
    static <T> T skewed(List<T> values, SplittableRandom random) {
        double u = random.nextDouble();
        return values.get((int) (values.size() * u * u));
    }
}
