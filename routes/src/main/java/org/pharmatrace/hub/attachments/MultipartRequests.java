package org.pharmatrace.hub.attachments;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Spring's multipart handling, except for the hub's own: a multipart capture (and a form mistakenly sent to
 * {@code POST /attachments}) reaches the route as the raw body, which {@link MultipartFormData} reads part by part
 * into the encrypted store. Spring would otherwise write every part to a temporary file in plaintext first, and the
 * HTTP component copy the files once more.
 */
@Configuration
public class MultipartRequests {

    /** Replaces Spring Boot's resolver, with its settings ({@code spring.servlet.multipart.*}). */
    @Bean(DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    MultipartResolver multipartResolver(ObjectProvider<MultipartProperties> settings) {
        StandardServletMultipartResolver resolver = new StandardServletMultipartResolver() {
            @Override
            public boolean isMultipart(HttpServletRequest request) {
                return super.isMultipart(request) && !readByTheHub(request);
            }
        };
        settings.ifAvailable(multipart -> {
            resolver.setResolveLazily(multipart.isResolveLazily());
            resolver.setStrictServletCompliance(multipart.isStrictServletCompliance());
        });
        return resolver;
    }

    static boolean readByTheHub(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && (path.equals("/capture") || path.equals("/attachments"));
    }
}
