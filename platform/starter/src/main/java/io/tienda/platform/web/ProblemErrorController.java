package io.tienda.platform.web;

import io.tienda.platform.problem.ProblemType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (a filter that failed, the container refusing a request)
 * are forwarded here; they get the same problem+json as everything else instead of Boot's page.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        // a filter that read the query first met Tomcat's refusal of it: the client's fault, not ours
        boolean query = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof InvalidParameterException;
        if (query) {
            status = 400;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        // any other 400 here is a request the container could not read, such as a broken chunked body
        ProblemType type = query ? ProblemType.INVALID_PARAMETER
                : status == 400 ? ProblemType.MALFORMED_REQUEST : ProblemType.forStatus(status);
        String detail = status >= 500 ? null
                : type == ProblemType.MALFORMED_REQUEST ? "The request could not be read" : type.title();
        ProblemDetail problem = Problems.of(type, detail, uri == null ? null : uri.toString());
        problem.setStatus(status);
        // the container answers after RequestIdFilter has run and cleared the log context (and may have
        // reset the answer's headers): the id it gave the request stays on the request
        if (request.getAttribute(Problems.REQUEST_ID) instanceof String requestId) {
            problem.setProperty(Problems.REQUEST_ID, requestId);
            response.setHeader(RequestIdFilter.HEADER, requestId);
        }
        return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON).body(problem);
    }
}
