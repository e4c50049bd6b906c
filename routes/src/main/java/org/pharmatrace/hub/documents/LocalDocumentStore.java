package org.pharmatrace.hub.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Originals in a local directory, one file per content SHA-256 ({@code local:sha256:<hex>}). For a single hub node
 * and for development; a cluster uses the IPFS store.
 */
public final class LocalDocumentStore implements OriginalDocumentStore {

    private static final String PREFIX = "local:sha256:";
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path directory;

    public LocalDocumentStore(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    /**
     * Copied into a temporary file first and moved under its SHA-256 once complete and verified, so that a file
     * named by a SHA-256 always has that content, whatever fails half-way.
     */
    @Override
    public String store(InputStream content, String sha256, String mediaType) throws IOException {
        Path target = file(sha256);
        if (!Files.exists(target)) {
            Path partial = Files.createTempFile(directory, "incoming-", ".part");
            try {
                String read = copy(content, partial).sha256();
                if (!read.equalsIgnoreCase(sha256)) {
                    throw new IOException("the local store read other bytes than the hub received: SHA-256 " + read
                            + " instead of " + sha256);
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        return PREFIX + sha256;
    }

    /** The same temporary file, named once its SHA-256 is known; content already stored is not stored twice. */
    @Override
    public StoredContent store(InputStream content, String mediaType) throws IOException {
        Path partial = Files.createTempFile(directory, "incoming-", ".part");
        try {
            StoredContent read = copy(content, partial);
            Path target = file(read.sha256());
            if (!Files.exists(target)) {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return read;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static StoredContent copy(InputStream content, Path file) throws IOException {
        DigestInputStream digesting = new DigestInputStream(content, sha256Digest());
        long size = Files.copy(digesting, file, StandardCopyOption.REPLACE_EXISTING);
        String sha256 = HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        return new StoredContent(PREFIX + sha256, sha256, size);
    }

    @Override
    public InputStream open(String reference) throws IOException {
        if (reference == null || !reference.startsWith(PREFIX)) {
            throw new IOException("not a local document reference: " + reference);
        }
        try {
            return Files.newInputStream(file(reference.substring(PREFIX.length())));
        } catch (NoSuchFileException e) {
            throw new IOException("the original document " + reference + " is not in " + directory, e);
        }
    }

    private Path file(String sha256) throws IOException {
        if (!HEX_SHA256.matcher(sha256).matches()) {
            throw new IOException("not a hex SHA-256: " + sha256);
        }
        return directory.resolve(sha256);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path directory() {
        return directory;
    }
}
