package org.pharmatrace.hub.capture;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.pharmatrace.hub.HubProperties;
import org.pharmatrace.hub.attachments.AttachmentProperties;
import org.pharmatrace.hub.attachments.MultipartCapture;
import org.pharmatrace.hub.problem.Problem;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses capture bodies over {@code hub.capture.max-document-size} with 413 before anything reads them whole: by
 * their Content-Length, or, for a chunked body, once more than the limit has arrived. Runs after authentication,
 * so strangers cannot make the hub read anything.
 *
 * <p>Bodies that the hub streams into the store — an attachment ({@code hub.attachments.max-size}), a multipart
 * capture ({@code hub.attachments.max-capture-size}) — are refused here by their Content-Length only; a chunked one
 * is counted as it is read, and refused as soon as it goes over.
 */
@Component
public class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxAttachmentBytes;
    private final long maxMultipartBytes;
    private final ObjectMapper json;

    public RequestSizeLimit(HubProperties properties, AttachmentProperties attachments, ObjectMapper json) {
        this.maxBytes = properties.capture().maxDocumentSize().toBytes();
        this.maxAttachmentBytes = attachments.maxSize().toBytes();
        this.maxMultipartBytes = attachments.maxCaptureSize().toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !"POST".equals(request.getMethod()) || !(path.equals("/capture") || path.equals("/events")
                || path.startsWith("/dlq/") || path.equals("/attachments"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (path(request).equals("/attachments")) {
            streamed(request, response, chain, declared, maxAttachmentBytes, "Attachment too large", "attachments");
            return;
        }
        if (path(request).equals("/capture") && MultipartCapture.isMultipart(request.getContentType())) {
            streamed(request, response, chain, declared, maxMultipartBytes, "Capture too large", "multipart captures");
            return;
        }
        if (declared > maxBytes) {
            tooLarge(response, declared + " bytes");
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            tooLarge(response, "more than " + maxBytes + " bytes");
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private void streamed(HttpServletRequest request, HttpServletResponse response, FilterChain chain, long declared,
                          long max, String title, String what) throws ServletException, IOException {
        if (declared > max) {
            problem(response, title, "the body has " + declared + " bytes; this hub takes " + what + " of up to "
                    + max + " bytes");
        } else {
            chain.doFilter(request, response);
        }
    }

    private void tooLarge(HttpServletResponse response, String size) throws IOException {
        problem(response, "Document too large", "the body has " + size + "; this hub captures documents of up to "
                + maxBytes + " bytes");
    }

    private void problem(HttpServletResponse response, String title, String detail) throws IOException {
        response.setStatus(413);
        response.setContentType(Problem.MEDIA_TYPE);
        json.writeValue(response.getOutputStream(), Problem.of(413, Problem.CAPTURE_LIMIT, title, detail));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** A chunked body read up front, with its length now known. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
    }
}
