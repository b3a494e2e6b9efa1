package io.cairn.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.util.UriUtils;

/**
 * Errors that happen outside a controller (an unknown address, a request a filter refused, an upload that cannot be
 * read): a page for people, a problem detail for programs.
 */
@Controller
@RequestMapping("/error")
class ErrorPages implements ErrorController {

    private static final int MAX_ECHO = 200;

    private final UnreadableRequests unreadableRequests;

    ErrorPages(UnreadableRequests unreadableRequests) {
        this.unreadableRequests = unreadableRequests;
    }

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpStatus status = clientProblem(request)
                .map(p -> HttpStatus.valueOf(p.getStatus()))
                .orElseGet(() -> status(request));
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("reason", status.getReasonPhrase());
        return "error";
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        ProblemDetail problem = clientProblem(request).orElseGet(() -> {
            HttpStatus status = status(request);
            return Problems.of(status, String.valueOf(status.value()), detailOf(status, request), List.of());
        });
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && path.length() <= MAX_ECHO) {
            problem.setInstance(URI.create(UriUtils.encodePath(path, StandardCharsets.UTF_8)));
        }
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * The problem a failure names that is the client's, not ours: an unreadable upload, a lost race with another
     * writer, a duplicate.
     */
    private Optional<ProblemDetail> clientProblem(HttpServletRequest request) {
        Throwable failure = failure(request);
        if (failure == null) {
            return Optional.empty();
        }
        Optional<ProblemDetail> known = unreadableRequests
                .problemOf(failure)
                .or(() -> failure instanceof Exception e ? Problems.sentTheWrongWay(e) : Optional.empty());
        if (known.isPresent()) {
            return known;
        }
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException) {
                return Optional.of(Problems.concurrentChange());
            }
            if (cause instanceof DataIntegrityViolationException) {
                return Optional.of(Problems.conflictWithStoredData());
            }
        }
        return Optional.empty();
    }

    private static String detailOf(HttpStatus status, HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = String.valueOf(uri);
        return switch (status) {
            case BAD_REQUEST ->
                "the request cannot be read: its address, query or headers hold something Cairn "
                        + "does not accept (an encoded slash, backslash or NUL, or a character that must be encoded)";
            case NOT_FOUND ->
                "there is nothing at " + (path.length() > MAX_ECHO ? path.substring(0, MAX_ECHO) + "..." : path);
            case METHOD_NOT_ALLOWED -> "this address does not accept that method";
            case UNSUPPORTED_MEDIA_TYPE -> "this address does not accept a body of that Content-Type";
            case CONTENT_TOO_LARGE -> "the request body is larger than this address accepts";
            default -> status.getReasonPhrase();
        };
    }

    /**
     * What failed: the exception the container caught, or the one Spring MVC answered with a status of its own (a
     * wrong method or content type before any controller was chosen).
     */
    private static @Nullable Throwable failure(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown) {
            return thrown;
        }
        return request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE) instanceof Throwable resolved
                ? resolved
                : null;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
