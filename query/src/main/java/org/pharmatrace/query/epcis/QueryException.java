package org.pharmatrace.query.epcis;

import org.pharmatrace.hub.problem.Problem;

/**
 * An EPCIS query exception, answered as an RFC 7807 problem with the REST binding's type
 * ({@code epcisException:QueryParameterException}, ...) and, when one parameter is at fault, its name in the
 * {@code parameter} member.
 */
public class QueryException extends RuntimeException {

    public static final String QUERY_PARAMETER = "epcisException:QueryParameterException";
    public static final String QUERY_TOO_LARGE = "epcisException:QueryTooLargeException";
    public static final String QUERY_TOO_COMPLEX = "epcisException:QueryTooComplexException";
    public static final String NO_SUCH_NAME = "epcisException:NoSuchNameException";
    public static final String SUBSCRIPTION_CONTROLS = "epcisException:SubscriptionControlsException";
    public static final String NOT_ACCEPTABLE = "epcisException:NotAcceptableException";
    public static final String UNSUPPORTED_MEDIA_TYPE = "epcisException:UnsupportedMediaTypeException";
    public static final String ALREADY_EXISTS = "epcisException:ResourceAlreadyExistsException";

    private final int status;
    private final String type;
    private final String title;
    private final String parameter;

    public QueryException(int status, String type, String title, String detail, String parameter) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.parameter = parameter;
    }

    /** 400: a query parameter is unknown, malformed, or combined with one it excludes. */
    public static QueryException parameter(String parameter, String detail) {
        return new QueryException(400, QUERY_PARAMETER, "Invalid query parameter", detail, parameter);
    }

    /** 413: the answer would hold more events than {@code maxEventCount} (or the hub's limit). */
    public static QueryException tooLarge(String parameter, String detail) {
        return new QueryException(413, QUERY_TOO_LARGE, "Query result too large", detail, parameter);
    }

    public static QueryException tooComplex(String detail) {
        return new QueryException(413, QUERY_TOO_COMPLEX, "Query too complex", detail, null);
    }

    /** 404 for an event, EPC or other resource the caller cannot see or that does not exist. */
    public static QueryException noSuchResource(String detail) {
        return new QueryException(404, Problem.NOT_FOUND, "Resource not found", detail, null);
    }

    /** 404 for a named query or subscription. */
    public static QueryException noSuchName(String detail) {
        return new QueryException(404, NO_SUCH_NAME, "No such query or subscription", detail, null);
    }

    public static QueryException validation(String detail, String member) {
        return new QueryException(400, Problem.VALIDATION, "Invalid request", detail, member);
    }

    public static QueryException subscriptionControls(String detail, String member) {
        return new QueryException(400, SUBSCRIPTION_CONTROLS, "Invalid subscription", detail, member);
    }

    public static QueryException forbidden(String detail) {
        return new QueryException(403, Problem.SECURITY, "Forbidden", detail, null);
    }

    public static QueryException notAcceptable(String detail, String header) {
        return new QueryException(406, NOT_ACCEPTABLE, "Not acceptable", detail, header);
    }

    public static QueryException unsupportedMediaType(String detail) {
        return new QueryException(415, UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", detail, null);
    }

    public static QueryException alreadyExists(String detail) {
        return new QueryException(409, ALREADY_EXISTS, "Resource already exists", detail, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String parameter() {
        return parameter;
    }

    public Problem toProblem() {
        Problem problem = Problem.of(status, type, title, getMessage());
        if (parameter != null) {
            problem.with("parameter", parameter);
        }
        return problem;
    }
}
