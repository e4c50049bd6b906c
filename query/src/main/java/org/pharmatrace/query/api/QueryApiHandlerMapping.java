package org.pharmatrace.query.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The query side's own handler mapping, consulted before Camel's platform-http mapping (order -1) and Spring MVC's.
 * Both this module and the capture routes serve {@code /events} (GET here, POST there); a Spring MVC mapping that
 * knows a path but not the method answers 405 instead of letting the next mapping try, so this one, first in line,
 * steps aside ({@code null}) for any request it has no handler for.
 */
public class QueryApiHandlerMapping extends RequestMappingHandlerMapping {

    public static final int ORDER = -2;

    public QueryApiHandlerMapping() {
        setOrder(ORDER);
    }

    @Override
    protected boolean isHandler(Class<?> beanType) {
        return AnnotatedElementUtils.hasAnnotation(beanType, EpcisQueryApi.class);
    }

    @Override
    protected HandlerMethod handleNoMatch(Set<RequestMappingInfo> infos, String lookupPath, HttpServletRequest request) {
        return null;
    }
}
