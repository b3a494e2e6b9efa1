package io.cairn.federation;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Records, for tests of instances talking to each other, every request a peer makes to an instance's federation
 * endpoints as it arrived: method, URL and headers, by the port of the instance it reached (the bodies are kept by
 * the receiver itself).
 */
@Configuration(proxyBeanMethods = false)
class RecordedRequests {

    private static final Map<Integer, List<String>> byPort = new ConcurrentHashMap<>();

    /** What reached the instance on this port so far. */
    static List<String> at(int port) {
        return Collections.unmodifiableList(byPort.getOrDefault(port, List.of()));
    }

    @Bean
    FilterRegistrationBean<Filter> recordFederationRequests() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            StringBuilder seen = new StringBuilder(
                    http.getMethod() + " " + http.getRequestURL() + "?" + http.getQueryString() + "\n");
            Collections.list(http.getHeaderNames())
                    .forEach(name -> seen.append(name)
                            .append(": ")
                            .append(String.join(",", Collections.list(http.getHeaders(name))))
                            .append('\n'));
            byPort.computeIfAbsent(http.getLocalPort(), port -> new CopyOnWriteArrayList<>())
                    .add(seen.toString());
            chain.doFilter(request, response);
        });
        registration.addUrlPatterns("/federation/*");
        return registration;
    }
}
