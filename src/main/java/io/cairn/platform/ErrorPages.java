package io.cairn.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that happen outside a controller (an unknown address, a wrong method): a page for people, a problem detail
 * for programs.
 */
@Controller
@RequestMapping("/error")
class ErrorPages implements ErrorController {

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model) {
        HttpStatus status = status(request);
        model.addAttribute("status", status.value());
        model.addAttribute("reason", status.getReasonPhrase());
        return "error";
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        String detail = switch (status) {
            case NOT_FOUND -> "there is nothing at " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            case METHOD_NOT_ALLOWED -> "this address does not accept that method";
            case UNSUPPORTED_MEDIA_TYPE -> "send the body as application/json";
            case CONTENT_TOO_LARGE -> "a file is larger than the upload limit (spring.servlet.multipart.max-file-size)";
            default -> status.getReasonPhrase();
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, String.valueOf(status.value()), detail, List.of()));
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable thrown && TooLargeUploads.causedBy(thrown)) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
