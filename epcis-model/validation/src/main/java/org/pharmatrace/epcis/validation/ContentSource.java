package org.pharmatrace.epcis.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A document that can be read more than once: validation streams it once per pass, never holding it whole. */
@FunctionalInterface
public interface ContentSource {

    InputStream open() throws IOException;

    static ContentSource of(Path file) {
        return () -> Files.newInputStream(file);
    }

    static ContentSource of(byte[] content) {
        return () -> new ByteArrayInputStream(content);
    }
}
