package io.cairn.incidents;

import io.cairn.shared.Refusal;

/** The reasons for which an observable of an incident is refused. */
enum ObservableRefusals implements Refusal.Reason {
    UNKNOWN_TYPE("observable.unknown-type", "''{0}'' is not an observable type; known types: {1}"),
    BLANK("observable.blank", "must not be blank"),
    TOO_LONG("observable.too-long", "must be at most {0} characters for a {1}"),
    CONTROL_CHARACTERS("observable.control-characters", "must not contain control characters"),
    NOT_IPV4(
            "observable.not-ipv4",
            "is not an IPv4 address: four numbers from 0 to 255 without leading zeros, such as 192.0.2.1 "
                    + "(a network range is not an observable)"),
    NOT_IPV6(
            "observable.not-ipv6",
            "is not an IPv6 address such as 2001:db8::1 (no zone, no network range, no host name)"),
    IPV4_MAPPED("observable.ipv4-mapped", "is an IPv4-mapped IPv6 address; give {0} as an IPv4 address"),
    NOT_DOMAIN(
            "observable.not-domain",
            "is not a domain name: at least two labels of letters, digits and hyphens, each at most 63 "
                    + "characters, at most 253 in all, such as example.org"),
    NOT_HOSTNAME(
            "observable.not-hostname",
            "is not a host name: labels of letters, digits and hyphens, each at most 63 characters, at most 253 "
                    + "in all, such as mail01.example.org"),
    NOT_URL(
            "observable.not-url",
            "is not an absolute http, https or ftp URL with a host, such as https://example.org/login"),
    NOT_EMAIL("observable.not-email", "is not an e-mail address such as someone@example.org"),
    NOT_HASH("observable.not-hash", "is not a {0} hash: exactly {1} hexadecimal digits"),
    NOT_FILE_NAME(
            "observable.not-file-name",
            "is not a file name: at most 255 characters, without slashes, backslashes or control characters"),
    NOT_MAC("observable.not-mac", "is not a MAC address: six pairs of hexadecimal digits, such as 00:1a:2b:3c:4d:5e"),
    NOT_ASN("observable.not-asn", "is not an autonomous system number from 0 to 4294967295, such as AS64500"),
    NOT_OF_PATTERN("observable.not-of-pattern", "is not a valid {0}"),
    STAFF_ONLY("observable.staff-only", "only the security staff search the incidents by their observables"),
    ALREADY_THERE("observable.already-there", "this incident already has this observable"),
    NOTE_TOO_LONG("observable.note-too-long", "must be at most {0} characters");

    private final String code;
    private final String template;

    ObservableRefusals(String code, String template) {
        this.code = code;
        this.template = template;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String template() {
        return template;
    }
}
