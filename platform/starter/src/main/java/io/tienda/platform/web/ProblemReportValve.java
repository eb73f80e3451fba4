package io.tienda.platform.web;

import io.tienda.platform.problem.ProblemType;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.ProblemDetail;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What Tomcat itself answers when it refuses a request before any filter or the error controller
 * can see it (a path with an encoded slash, a NUL or broken percent-encoding, an overlong UTF-8
 * sequence): the same problem+json as every other error, where Tomcat's own valve writes an HTML page.
 * Nothing from the refused request is echoed back.
 *
 * <p>Two of those refusals are a 5xx in Tomcat, though they are the client's doing: an HTTP version
 * other than 1.x (505) and a transfer coding other than chunked (501). No request may earn a 5xx by its
 * content alone, so both are a 400 {@code malformed-request} saying which; the services send neither
 * status themselves.
 */
final class ProblemReportValve extends ErrorReportValve {

    private final Problems problems;

    ProblemReportValve(Problems problems) {
        this.problems = problems;
        setShowReport(false);
        setShowServerInfo(false);
    }

    /** Puts this valve in place of the host's error report valves once every context customizer has run. */
    static void installOn(Container host, Problems problems) {
        host.addLifecycleListener(event -> {
            if (!Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                return;
            }
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
            host.getPipeline().addValve(new ProblemReportValve(problems));
        });
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own valve: only errors, only when nothing was written, and only once.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String detail = switch (status) {
            case 400 -> "The request's path, query or headers are not well-formed HTTP";
            case 501 -> "The request's Transfer-Encoding is not one this service reads: send chunked or a "
                    + "Content-Length";
            case 505 -> "The request's HTTP version is not spoken here: send HTTP/1.1";
            default -> null;
        };
        if (status == 501 || status == 505) {
            status = 400;
            response.setStatus(status);
        }
        ProblemType type = status == 400 ? ProblemType.MALFORMED_REQUEST : ProblemType.forStatus(status);
        ProblemDetail problem = Problems.of(type, detail != null ? detail : type.title(), null);
        problem.setStatus(status);
        try {
            problems.write(response, problem);
            response.finishResponse();
        } catch (java.io.IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: nothing more to say
        }
    }
}
