package org.pharmatrace.hub.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pharmatrace.hub.attachments.MultipartFormData.MalformedMultipartException;
import org.pharmatrace.hub.attachments.MultipartFormData.Part;

class MultipartFormDataTest {

    private static final String BOUNDARY = "----hub-test-7MA4YWxkTrZu0gW";

    @Test
    void partsAreReadWithTheirNamesFileNamesMediaTypesAndExactContent() throws IOException {
        byte[] binary = new byte[200_000];
        new Random(7).nextBytes(binary);
        // content that looks like a boundary without being one, and line breaks at the very end of a part
        binary[1000] = '\r';
        binary[1001] = '\n';
        binary[1002] = '-';
        binary[1003] = '-';
        byte[] body = body(
                part("epcisDocument", null, "application/ld+json", "{\"type\": \"EPCISDocument\"}\r\n"
                        .getBytes(StandardCharsets.UTF_8)),
                part("coa", "coa lot B7.pdf", "application/pdf", binary),
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"photo\"; filename*=UTF-8''caf%C3%A9.jpg"
                        + "\r\n\r\nJPEG\r\n");

        for (int chunk : new int[] {1, 7, 8192, Integer.MAX_VALUE}) {
            List<Part> parts = new ArrayList<>();
            List<byte[]> contents = new ArrayList<>();
            MultipartFormData form = new MultipartFormData(trickling(body, chunk), BOUNDARY);
            for (Part part = form.next(); part != null; part = form.next()) {
                parts.add(part);
                contents.add(part.body().readAllBytes());
            }
            assertThat(parts).extracting(Part::name).containsExactly("epcisDocument", "coa", "photo");
            assertThat(parts).extracting(Part::filename).containsExactly(null, "coa lot B7.pdf", "café.jpg");
            assertThat(parts).extracting(Part::contentType).containsExactly("application/ld+json", "application/pdf",
                    null);
            assertThat(new String(contents.get(0), StandardCharsets.UTF_8)).isEqualTo("{\"type\": \"EPCISDocument\"}\r\n");
            assertThat(contents.get(1)).isEqualTo(binary);
            assertThat(contents.get(2)).asString().isEqualTo("JPEG");
        }
    }

    @Test
    void aPartLeftUnreadIsSkippedAndThePreambleAndEpilogueIgnored() throws IOException {
        byte[] body = ("preamble to be ignored\r\n" + new String(body(part("a", null, null, new byte[50_000]),
                part("b", null, "text/plain", "second".getBytes(StandardCharsets.UTF_8))), StandardCharsets.ISO_8859_1)
                + "epilogue").getBytes(StandardCharsets.ISO_8859_1);
        MultipartFormData form = new MultipartFormData(new ByteArrayInputStream(body), BOUNDARY);
        assertThat(form.next().name()).isEqualTo("a");
        Part b = form.next();
        assertThat(b.body().readAllBytes()).asString().isEqualTo("second");
        assertThat(form.next()).isNull();
        assertThat(form.next()).isNull();
    }

    @Test
    void anEmptyPartIsEmpty() throws IOException {
        MultipartFormData form = new MultipartFormData(new ByteArrayInputStream(body(part("empty", "x.bin", null,
                new byte[0]))), BOUNDARY);
        assertThat(form.next().body().readAllBytes()).isEmpty();
        assertThat(form.next()).isNull();
    }

    @Test
    void aTruncatedBodyOrAMissingBoundaryIsMalformed() throws IOException {
        byte[] whole = body(part("a", null, null, "content".getBytes(StandardCharsets.UTF_8)));
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - BOUNDARY.length() - 8);
        MultipartFormData form = new MultipartFormData(new ByteArrayInputStream(truncated), BOUNDARY);
        Part a = form.next();
        assertThatThrownBy(() -> a.body().readAllBytes()).isInstanceOf(MalformedMultipartException.class)
                .hasMessageContaining("closing boundary");

        MultipartFormData other = new MultipartFormData(new ByteArrayInputStream(whole), "another-boundary");
        assertThatThrownBy(other::next).isInstanceOf(MalformedMultipartException.class);

        byte[] noName = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n--" + BOUNDARY + "--")
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> new MultipartFormData(new ByteArrayInputStream(noName), BOUNDARY).next())
                .isInstanceOf(MalformedMultipartException.class).hasMessageContaining("name");
    }

    @Test
    void theBoundaryIsTakenFromTheContentType() throws IOException {
        assertThat(MultipartFormData.boundary("multipart/form-data; boundary=abc")).isEqualTo("abc");
        assertThat(MultipartFormData.boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b:c\"")).isEqualTo("a b:c");
        assertThatThrownBy(() -> MultipartFormData.boundary("multipart/form-data"))
                .isInstanceOf(MalformedMultipartException.class);
        assertThatThrownBy(() -> MultipartFormData.boundary("multipart/mixed; boundary=x"))
                .isInstanceOf(MalformedMultipartException.class);
    }

    private static String part(String name, String filename, String contentType, byte[] content) {
        StringBuilder part = new StringBuilder("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append('"');
        if (filename != null) {
            part.append("; filename=\"").append(filename).append('"');
        }
        part.append("\r\n");
        if (contentType != null) {
            part.append("Content-Type: ").append(contentType).append("\r\n");
        }
        return part.append("\r\n").append(new String(content, StandardCharsets.ISO_8859_1)).append("\r\n").toString();
    }

    private static byte[] body(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            out.writeBytes(part.getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** A stream that never returns more than {@code chunk} bytes at once, as a slow network would. */
    private static InputStream trickling(byte[] content, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(content)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }
}
