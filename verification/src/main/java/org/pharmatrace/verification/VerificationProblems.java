package org.pharmatrace.verification;

import jakarta.servlet.http.HttpServletRequest;
import org.pharmatrace.hub.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The verification endpoints' refusals as RFC 7807 problems, in the hub's Problem shape. */
@RestControllerAdvice(assignableTypes = ProductVerificationController.class)
public class VerificationProblems {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationProblems.class);
    private static final MediaType PROBLEM = MediaType.parseMediaType(Problem.MEDIA_TYPE);
    /** Seconds a client should wait before asking again when the ledger was unreachable. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(InvalidProductIdentifierException.class)
    ResponseEntity<Problem> invalid(InvalidProductIdentifierException e, HttpServletRequest request) {
        Problem problem = Problem.of(400, Problem.VALIDATION, "Invalid product identifier", e.getMessage())
                .with("field", e.field());
        if (e.ai() != null) {
            problem.with("ai", e.ai());
        }
        return answer(problem, request, null);
    }

    @ExceptionHandler(ProductStatusUnavailableException.class)
    ResponseEntity<Problem> unavailable(ProductStatusUnavailableException e, HttpServletRequest request) {
        LOG.warn("verification of {} not answered: {}", request.getRequestURI(), e.getMessage());
        Problem problem = Problem.of(503, Problem.IMPLEMENTATION, "Verification unavailable",
                e.transientCause() ? "the ledger cannot be reached now; ask again shortly"
                        : "the hub cannot ask the ledger as it is configured; see the hub's log");
        return answer(problem, request, e.transientCause() ? RETRY_AFTER_SECONDS : null);
    }

    @ExceptionHandler(ProductVerificationController.NotAcceptableException.class)
    ResponseEntity<Problem> notAcceptable(ProductVerificationController.NotAcceptableException e,
                                          HttpServletRequest request) {
        return answer(Problem.of(406, Problem.VALIDATION, "Not acceptable", e.getMessage()), request, null);
    }

    private static ResponseEntity<Problem> answer(Problem problem, HttpServletRequest request, String retryAfter) {
        problem.instance(request.getRequestURI());
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.getStatus()).contentType(PROBLEM);
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return builder.body(problem);
    }
}
