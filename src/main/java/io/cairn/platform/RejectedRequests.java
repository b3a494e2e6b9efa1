package io.cairn.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Answers the requests Tomcat refuses before they reach Cairn, in Cairn's words rather than Tomcat's "HTTP Status
 * 400" page: an address with a character that must be encoded ({@code <}), an encoded NUL, slash or backslash
 * ({@code %00}, {@code %2F}, {@code %5C}), a request line or headers over the size limit. Under {@code /api} the
 * answer is a problem detail; elsewhere it is Cairn's error page. A request line too long to read at all may have been
 * a call of the API, so it gets a problem detail too. Tomcat's rules stay as they are: only the answer changes.
 */
@Component
class RejectedRequests implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final MessageSource messages;

    RejectedRequests(MessageSource messages) {
        this.messages = messages;
    }

    /** After Spring Boot's customizer, which adds its own error report valve: this one replaces it. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        String contextPath = factory.getContextPath();
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new Report(messages, contextPath));
            // the host adds a valve of this class when it starts, unless it finds one of the class already there
            host.setErrorReportValveClass(Report.class.getName());
        });
    }

    /** Writes the answer to a request that failed before any servlet wrote one. */
    static final class Report extends ErrorReportValve {

        private final MessageSource messages;
        private final String contextPath;

        Report(MessageSource messages, String contextPath) {
            this.messages = messages;
            this.contextPath = contextPath;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(code);
            String uri = target(request, throwable);
            // a request line that could not be read at all may have been for either: the API's answer serves both
            String path = uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
            boolean api = uri.isEmpty() || path.equals("/api") || path.startsWith("/api/");
            try {
                response.setCharacterEncoding("utf-8");
                String body;
                if (api) {
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    body = Problems.json(Problems.of(status, String.valueOf(code), detail(status, uri), List.of()));
                } else {
                    response.setContentType(MediaType.TEXT_HTML_VALUE);
                    body = page(status, locale(request));
                }
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the answer was committed meanwhile: there is nothing left to say
            }
        }

        /**
         * The address as the request line gave it, not decoded; when Tomcat could not read the request line, as far
         * as its complaint repeats it ("Invalid character found in the request target [/api/v1/x<y> ]"); else empty.
         */
        private static String target(Request request, @Nullable Throwable failure) {
            String uri = request.getCoyoteRequest().requestURI().toString();
            if (uri != null && !uri.isEmpty()) {
                return uri;
            }
            Matcher quoted = REQUEST_TARGET.matcher(failure == null ? "" : String.valueOf(failure.getMessage()));
            return quoted.find() ? quoted.group(1).trim() : "";
        }

        private static final Pattern REQUEST_TARGET = Pattern.compile("request target \\[(.*)\\]");

        /** What is wrong with the request, as far as its raw address tells. */
        static String detail(HttpStatus status, String uri) {
            // the address is empty when Tomcat could not read the request line at all
            if (status != HttpStatus.BAD_REQUEST) {
                return status.getReasonPhrase();
            }
            if (uri.isEmpty()) {
                return "the request cannot be read: its request line or headers are longer than the server "
                        + "accepts, or malformed";
            }
            String lower = uri.toLowerCase(Locale.ROOT);
            for (var encoded : List.of(
                    List.of("%00", "an encoded NUL (%00)"),
                    List.of("%2f", "an encoded slash (%2F)"),
                    List.of("%5c", "an encoded backslash (%5C)"))) {
                if (lower.contains(encoded.get(0))) {
                    return "the address holds " + encoded.get(1) + ", which Cairn does not accept";
                }
            }
            for (char c : uri.toCharArray()) {
                if (c <= ' ' || c >= 0x7f || "<>\"{}|\\^`".indexOf(c) >= 0) {
                    return "the address holds a character that must be percent-encoded ("
                            + (c > ' ' && c < 0x7f ? "'" + c + "'" : "code " + (int) c) + ")";
                }
            }
            return "the address cannot be read (a malformed percent-encoding, or a path that climbs above the root)";
        }

        private String page(HttpStatus status, Locale locale) {
            String title = text("error." + status.value() + ".title", status.getReasonPhrase(), locale);
            String text = text("error." + status.value() + ".text", text("error.text", "", locale), locale);
            return """
                    <!DOCTYPE html>
                    <html lang="%s"><head><meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>%d · Cairn</title>
                    <link rel="stylesheet" href="%s/webjars/picocss__pico/css/pico.min.css">
                    <link rel="stylesheet" href="%s/css/cairn.css"></head>
                    <body><main id="main" class="container narrow error-page"><article>
                    <header><p class="error-status">%d</p><h1>%s</h1></header><p>%s</p>
                    <footer><a role="button" href="%s/incidents">%s</a></footer>
                    </article></main></body></html>
                    """.formatted(
                            locale.getLanguage(),
                            status.value(),
                            contextPath,
                            contextPath,
                            status.value(),
                            HtmlUtils.htmlEscape(title),
                            HtmlUtils.htmlEscape(text),
                            contextPath,
                            HtmlUtils.htmlEscape(text("error.back", "Go to the incident list", locale)));
        }

        private String text(String code, String fallback, Locale locale) {
            return Objects.requireNonNull(messages.getMessage(code, null, fallback, locale));
        }

        /**
         * The reader's language, as far as the rejected request tells: the language switch's cookie, else the
         * browser's first language; Dutch or English.
         */
        private static Locale locale(Request request) {
            String language = String.valueOf(request.getHeader("Accept-Language"));
            jakarta.servlet.http.Cookie[] cookies = request.getCookies();
            for (jakarta.servlet.http.Cookie cookie : cookies == null ? new jakarta.servlet.http.Cookie[0] : cookies) {
                if (PlatformConfiguration.LANGUAGE_COOKIE.equals(cookie.getName())) {
                    language = cookie.getValue();
                }
            }
            return language.toLowerCase(Locale.ROOT).startsWith("nl") ? Locale.forLanguageTag("nl") : Locale.ENGLISH;
        }
    }
}
