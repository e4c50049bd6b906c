package org.pharmatrace.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmatrace.hub.documents.LocalDocumentStore;

/** The local store takes originals as streams, whatever their size, and keeps only verified content. */
class LocalDocumentStoreTest {

    private static final long SIZE = 8L * 1024 * 1024;

    @TempDir
    Path directory;

    @Nested
    class WhenALargeOriginalIsStreamedIn {

        @Test
        void thenItIsKeptUnderItsSha256AndReadsBackTheSame() throws IOException {
            String sha256 = GeneratedOriginal.sha256(new GeneratedOriginal(7, SIZE));
            LocalDocumentStore store = new LocalDocumentStore(directory);

            String reference = store.store(new GeneratedOriginal(7, SIZE), sha256, "text/csv");

            assertThat(reference).isEqualTo("local:sha256:" + sha256);
            assertThat(Files.size(directory.resolve(sha256))).isEqualTo(SIZE);
            try (InputStream back = store.open(reference)) {
                assertThat(GeneratedOriginal.sha256(back)).isEqualTo(sha256);
            }
        }

        @Test
        void thenContentThatIsNotTheSha256GivenIsRefusedAndNothingIsLeftBehind() throws IOException {
            String sha256 = GeneratedOriginal.sha256(new GeneratedOriginal(7, SIZE));
            LocalDocumentStore store = new LocalDocumentStore(directory);

            assertThatThrownBy(() -> store.store(new GeneratedOriginal(8, SIZE), sha256, "text/csv"))
                    .isInstanceOf(IOException.class).hasMessageContaining("other bytes");
            try (var files = Files.list(directory)) {
                assertThat(files).isEmpty();
            }
        }
    }
}
