package io.cairn.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The clock every module reads time from, and the language of the UI: from the browser's Accept-Language, switched
 * with {@code ?lang=nl} or {@code ?lang=en} and remembered in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration implements WebMvcConfigurer {

    /** The cookie that keeps the language a reader switched to. */
    static final String LANGUAGE_COOKIE = "cairn-lang";

    /** UTC, in whole microseconds: what PostgreSQL stores, so that a value read back equals the value written. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            Locale requested = request.getLocale();
            return requested != null && requested.getLanguage().equals("nl")
                    ? Locale.forLanguageTag("nl")
                    : Locale.ENGLISH;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        // an error page is shown in the language already chosen; reading its parameters may fail again, for one
        // when an upload was too large to read. The API has no language switch: it names its language in its own
        // parameters, and reading a parameter of a malformed upload would fail before the API could say why.
        registry.addInterceptor(interceptor).excludePathPatterns("/error", "/api/**");
    }

    /** Times in query parameters ({@code ?reportedFrom=}) as the API takes them in bodies: see {@link ApiTimes}. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new Formatter<Instant>() {
            @Override
            public Instant parse(String text, Locale locale) {
                return ApiTimes.instant(text);
            }

            @Override
            public String print(Instant instant, Locale locale) {
                return instant.toString();
            }
        });
    }
}
