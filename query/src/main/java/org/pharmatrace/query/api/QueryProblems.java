package org.pharmatrace.query.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pharmatrace.hub.problem.Problem;
import org.pharmatrace.query.epcis.QueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the query side as RFC 7807 problems with the EPCIS REST binding's exception types. A failure after an
 * answer has started streaming cannot change its status any more: the connection is cut instead, so the client
 * sees a truncated document rather than a complete-looking one.
 */
@ControllerAdvice(annotations = EpcisQueryApi.class)
public class QueryProblems {

    private static final Logger LOG = LoggerFactory.getLogger(QueryProblems.class);

    private final ObjectMapper json;

    public QueryProblems(ObjectMapper json) {
        this.json = json;
    }

    @ExceptionHandler(QueryException.class)
    public void query(QueryException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(e.toProblem(), request, response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public void missing(MissingServletRequestParameterException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        write(QueryException.parameter(e.getParameterName(), "'" + e.getParameterName() + "' is required").toProblem(),
                request, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public void mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        write(QueryException.parameter(e.getName(), "'" + e.getName() + "' has an invalid value").toProblem(),
                request, response);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public void unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        write(QueryException.validation("the request body is not valid JSON", null).toProblem(), request, response);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public void mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        write(QueryException.unsupportedMediaType("send application/json").toProblem(), request, response);
    }

    @ExceptionHandler(Exception.class)
    public void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            LOG.warn("query answer to {} {} broken off after it started: {}", request.getMethod(),
                    request.getRequestURI(), e.toString());
        } else {
            LOG.error("query side failed on {} {}", request.getMethod(), request.getRequestURI(), e);
        }
        write(Problem.of(500, Problem.IMPLEMENTATION, "Query failed",
                "the hub could not answer this query; the error is in its log"), request, response);
    }

    private void write(Problem problem, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            // Headers and part of the body are out: cutting the connection is the only honest signal left.
            throw new IOException("answer broken off: " + problem.getDetail());
        }
        response.reset();
        response.setStatus(problem.getStatus());
        response.setContentType(Problem.MEDIA_TYPE);
        QueryHeaders.setStandardHeaders(response);
        problem.instance(request.getRequestURI());
        json.writeValue(response.getOutputStream(), problem);
    }
}
