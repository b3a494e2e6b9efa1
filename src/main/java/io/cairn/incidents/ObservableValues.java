package io.cairn.incidents;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.net.IDN;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in checks of observable values: each refuses what is not a value of its kind, naming the field
 * {@code value}, and gives the value in one normal form, so that the same indicator written two ways is one
 * observable and correlates. Names are never resolved: an IPv6 literal is parsed only after it was seen to hold
 * nothing but hexadecimal digits, colons and dots.
 */
final class ObservableValues {

    /** The longest value of any type. */
    static final int MAX_LENGTH = 2_000;

    static final String FIELD = "value";

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("_?[a-z0-9]([a-z0-9_-]{0,61}[a-z0-9])?");
    private static final Pattern URL = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)(.*)", Pattern.DOTALL);
    private static final Pattern AUTHORITY = Pattern.compile("(?:([^@]*)@)?(\\[[^\\]]*]|[^:]*)(?::(\\d{1,5}))?");
    private static final Pattern LOCAL_PART =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern MAC =
            Pattern.compile("([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]"
                    + "([0-9a-f]{2})|([0-9a-f]{4})\\.([0-9a-f]{4})\\.([0-9a-f]{4})");
    private static final Pattern ASN = Pattern.compile("(?:as)?(\\d{1,10})");

    private ObservableValues() {}

    /** A refusal of the field {@code value} for this reason. */
    static <T> Outcome<T> refused(ObservableRefusals reason, Object... arguments) {
        return Outcome.refused(Refusal.invalid(FIELD, reason, arguments));
    }

    /** The checks every value passes: not blank, not too long, no control characters; the value trimmed. */
    static Outcome<String> common(String raw, int maxLength, String typeLabel) {
        String value = raw.strip();
        if (value.isEmpty()) {
            return refused(ObservableRefusals.BLANK);
        }
        if (value.length() > Math.min(maxLength, MAX_LENGTH)) {
            return refused(ObservableRefusals.TOO_LONG, Math.min(maxLength, MAX_LENGTH), typeLabel);
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return refused(ObservableRefusals.CONTROL_CHARACTERS);
        }
        return Outcome.done(value);
    }

    static Outcome<String> ipv4(String value) {
        return IPV4.matcher(value).matches() ? Outcome.done(value) : refused(ObservableRefusals.NOT_IPV4);
    }

    /** An IPv6 literal in the form of RFC 5952: lower case, zeros compressed. */
    static Outcome<String> ipv6(String value) {
        if (!value.contains(":") || !IPV6_CHARACTERS.matcher(value).matches()) {
            return refused(ObservableRefusals.NOT_IPV6);
        }
        InetAddress address;
        try {
            // only hexadecimal digits, colons and dots: a literal, which is parsed and never looked up
            address = InetAddress.getByName(value);
        } catch (UnknownHostException notALiteral) {
            return refused(ObservableRefusals.NOT_IPV6);
        }
        if (!(address instanceof Inet6Address)) {
            return refused(ObservableRefusals.IPV4_MAPPED, address.getHostAddress());
        }
        return Outcome.done(rfc5952(address.getAddress()));
    }

    private static String rfc5952(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            text.append(Integer.toHexString(groups[i])).append(i < 7 ? ":" : "");
        }
        return text.toString();
    }

    /** A domain name in lower-case ASCII (internationalised names as punycode), of two labels or more. */
    static Outcome<String> domain(String value) {
        return ascii(value, DOMAIN_LABEL)
                .filter(name -> name.contains(".") && !IPV4.matcher(name).matches() && !numeric(lastLabel(name)))
                .map(Outcome::done)
                .orElseGet(() -> refused(ObservableRefusals.NOT_DOMAIN));
    }

    /** A host name in lower-case ASCII (internationalised names as punycode); one label is enough. */
    static Outcome<String> hostname(String value) {
        return ascii(value, HOST_LABEL)
                .filter(name -> !IPV4.matcher(name).matches() && !numeric(lastLabel(name)))
                .map(Outcome::done)
                .orElseGet(() -> refused(ObservableRefusals.NOT_HOSTNAME));
    }

    private static Optional<String> ascii(String value, Pattern label) {
        String name = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        String ascii;
        try {
            ascii = IDN.toASCII(name, 0).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAName) {
            return Optional.empty();
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            return Optional.empty();
        }
        for (String part : ascii.split("\\.", -1)) {
            if (!label.matcher(part).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(ascii);
    }

    private static String lastLabel(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static boolean numeric(String label) {
        return label.chars().allMatch(Character::isDigit);
    }

    /** An absolute http, https or ftp URL with a host: scheme and host in lower case, the host in ASCII. */
    static Outcome<String> url(String value) {
        Matcher parts = URL.matcher(value);
        if (!parts.matches()) {
            return refused(ObservableRefusals.NOT_URL);
        }
        String scheme = parts.group(1).toLowerCase(Locale.ROOT);
        Matcher authority = AUTHORITY.matcher(parts.group(2));
        if (!(scheme.equals("http") || scheme.equals("https") || scheme.equals("ftp")) || !authority.matches()) {
            return refused(ObservableRefusals.NOT_URL);
        }
        Optional<String> host = urlHost(authority.group(2));
        String port = authority.group(3);
        if (host.isEmpty() || port != null && (port.isEmpty() || Integer.parseInt(port) > 65_535)) {
            return refused(ObservableRefusals.NOT_URL);
        }
        String normal = scheme + "://" + (authority.group(1) == null ? "" : authority.group(1) + "@") + host.get()
                + (port == null ? "" : ":" + port) + parts.group(3);
        try {
            new URI(normal);
        } catch (URISyntaxException malformed) {
            return refused(ObservableRefusals.NOT_URL);
        }
        return normal.length() <= MAX_LENGTH ? Outcome.done(normal) : refused(ObservableRefusals.NOT_URL);
    }

    private static Optional<String> urlHost(String host) {
        if (host.startsWith("[") && host.endsWith("]")) {
            String literal = host.substring(1, host.length() - 1);
            return ipv6(literal) instanceof Outcome.Done<String> done
                    ? Optional.of("[" + done.value() + "]")
                    : Optional.empty();
        }
        if (IPV4.matcher(host).matches()) {
            return Optional.of(host);
        }
        return ascii(host, DOMAIN_LABEL).filter(name -> !numeric(lastLabel(name)));
    }

    /** An addr-spec: a dot-atom local part, kept as it is, at a domain name in lower-case ASCII. */
    static Outcome<String> email(String value) {
        int at = value.lastIndexOf('@');
        if (at < 1 || at > 64 || !LOCAL_PART.matcher(value.substring(0, at)).matches()) {
            return refused(ObservableRefusals.NOT_EMAIL);
        }
        return domain(value.substring(at + 1)) instanceof Outcome.Done<String> domain
                ? Outcome.done(value.substring(0, at) + "@" + domain.value())
                : refused(ObservableRefusals.NOT_EMAIL);
    }

    /** A hash of the algorithm: exactly so many hexadecimal digits, in lower case. */
    static Outcome<String> hash(String value, String algorithm, int digits) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.length() == digits && lower.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')
                ? Outcome.done(lower)
                : refused(ObservableRefusals.NOT_HASH, algorithm, digits);
    }

    /** A file's name without a path: at most 255 characters, no slash or backslash, not {@code .} or {@code ..}. */
    static Outcome<String> fileName(String value) {
        boolean valid = value.length() <= 255
                && value.indexOf('/') < 0
                && value.indexOf('\\') < 0
                && !value.equals(".")
                && !value.equals("..");
        return valid ? Outcome.done(value) : refused(ObservableRefusals.NOT_FILE_NAME);
    }

    /** A MAC address as six lower-case pairs joined by colons. */
    static Outcome<String> mac(String value) {
        Matcher mac = MAC.matcher(value.toLowerCase(Locale.ROOT));
        if (!mac.matches()) {
            return refused(ObservableRefusals.NOT_MAC);
        }
        String digits = mac.group(1) != null
                ? mac.group(1) + mac.group(2) + mac.group(3) + mac.group(4) + mac.group(5) + mac.group(6)
                : mac.group(7) + mac.group(8) + mac.group(9);
        StringBuilder normal = new StringBuilder();
        for (int i = 0; i < 12; i += 2) {
            normal.append(i == 0 ? "" : ":").append(digits, i, i + 2);
        }
        return Outcome.done(normal.toString());
    }

    /** An autonomous system number as {@code AS} and the number, from 0 to 2^32 - 1. */
    static Outcome<String> asn(String value) {
        Matcher asn = ASN.matcher(value.toLowerCase(Locale.ROOT));
        if (!asn.matches() || Long.parseLong(asn.group(1)) > 4_294_967_295L) {
            return refused(ObservableRefusals.NOT_ASN);
        }
        return Outcome.done("AS" + Long.parseLong(asn.group(1)));
    }
}
