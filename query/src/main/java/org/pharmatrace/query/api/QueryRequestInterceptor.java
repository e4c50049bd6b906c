package org.pharmatrace.query.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.pharmatrace.query.access.QueryAuditLog;
import org.pharmatrace.query.access.QuerySecurity;
import org.pharmatrace.query.access.Viewers;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriUtils;

/**
 * Runs before every query-side handler: sets the REST binding's version headers, refuses clients needing another
 * EPCIS/CBV version, and writes the audit row of every regulator request before anything is answered (no audit row,
 * no answer).
 */
final class QueryRequestInterceptor implements HandlerInterceptor {

    private final QueryAuditLog audit;
    private final Viewers viewers;

    QueryRequestInterceptor(QueryAuditLog audit, Viewers viewers) {
        this.audit = audit;
        this.viewers = viewers;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        QueryHeaders.setStandardHeaders(response);
        QueryHeaders.checkVersions(request);
        if (viewers.callerIsRegulator()) {
            String query = request.getQueryString();
            audit.record(viewers.callerId(), QuerySecurity.REGULATOR, request.getMethod(),
                    decodePath(request.getRequestURI()), query == null ? "" : decodeQuery(query));
        }
        return true;
    }

    private static String decodePath(String path) {
        try {
            return UriUtils.decode(path, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    private static String decodeQuery(String query) {
        try {
            return URLDecoder.decode(query, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return query;
        }
    }
}
