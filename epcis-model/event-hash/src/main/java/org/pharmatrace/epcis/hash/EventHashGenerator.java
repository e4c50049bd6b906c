package org.pharmatrace.epcis.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.model.EpcisEvent;

/**
 * Computes the EPCIS Event Hash ID of the GS1 Core Business Vocabulary: a fingerprint of an event that does not
 * depend on its syntax (XML or JSON-LD), the order of unordered lists, namespace prefixes, time zones, identifier
 * notation (EPC URN or Digital Link) or the spelling of CBV terms. The result is an RFC 6920 named-information URI,
 * {@code ni:///sha-256;<hex>?ver=CBV2.0}.
 *
 * <p>What is hashed: every field except {@code recordTime}, {@code eventID} and {@code errorDeclaration} with its
 * {@code declarationTime} (an error declaration must hash like the event it corrects, so it can be matched to it),
 * in the canonical property order, as the pre-hash string returned by {@link #preHashString(EpcisEvent)}. Left out
 * as well: {@code rdfs:comment} members (JSON-LD's counterpart of an XML comment), {@code xsi:} attributes of
 * extension elements (type annotations), and the extensions named in {@link #ignoringExtensions}.
 * {@link CbvVersion} lists what differs between CBV 2.0 and 2.1.
 *
 * <p>Immutable and thread-safe; create one per configuration and share it. Each thread gets its own buffers and
 * {@link MessageDigest}, reused from event to event, so hashing allocates little more than the result.
 */
public final class EventHashGenerator {

    private static final String PREFIX = "ni:///sha-256;";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final CbvVersion version;
    private final Set<QName> ignoredExtensions;
    private final ThreadLocal<Workspace> workspace;

    /** A generator for CBV 2.0, the version the published reference vectors are computed with. */
    public EventHashGenerator() {
        this(CbvVersion.CBV2_0);
    }

    public EventHashGenerator(CbvVersion version) {
        this(version, Set.of());
    }

    private EventHashGenerator(CbvVersion version, Set<QName> ignoredExtensions) {
        this.version = Objects.requireNonNull(version, "version");
        this.ignoredExtensions = ignoredExtensions;
        this.workspace = ThreadLocal.withInitial(() -> new Workspace(version, ignoredExtensions));
    }

    /**
     * A generator that leaves the given event-level user extensions out of the hash, as a repository does with
     * fields it adds itself (a capture id, the stored hash) so that the hash stays that of the event as captured.
     */
    public EventHashGenerator ignoringExtensions(Collection<QName> names) {
        return new EventHashGenerator(version, Set.copyOf(names));
    }

    public CbvVersion cbvVersion() {
        return version;
    }

    /** The Event Hash ID, e.g. {@code ni:///sha-256;6ae9...39d7?ver=CBV2.0}. */
    public String eventHashId(EpcisEvent event) {
        Workspace w = workspace.get();
        StringBuilder preHash = w.render(event);
        byte[] digest = w.digest(preHash);
        String suffix = version.label();
        char[] id = new char[PREFIX.length() + 64 + 5 + suffix.length()];
        PREFIX.getChars(0, PREFIX.length(), id, 0);
        int at = PREFIX.length();
        for (int k = 0; k < 32; k++) {
            id[at++] = HEX[(digest[k] >> 4) & 0xF];
            id[at++] = HEX[digest[k] & 0xF];
        }
        "?ver=".getChars(0, 5, id, at);
        suffix.getChars(0, suffix.length(), id, at + 5);
        return new String(id);
    }

    /** The canonical string the hash is taken of (UTF-8 encoded), for debugging and for comparing implementations. */
    public String preHashString(EpcisEvent event) {
        return workspace.get().render(event).toString();
    }

    /** Per-thread state: the writer with its buffers, the output buffer, the digest and its UTF-8 input buffer. */
    private static final class Workspace {
        private static final int LARGE = 1 << 20;
        private final PreHashWriter writer;
        private final StringBuilder out = new StringBuilder(2048);
        private final MessageDigest sha256;
        private byte[] utf8 = new byte[4096];
        private char[] chars = new char[2048];
        private final byte[] digest = new byte[32];

        Workspace(CbvVersion version, Set<QName> ignoredExtensions) {
            this.writer = new PreHashWriter(version, ignoredExtensions);
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform provides SHA-256", e);
            }
        }

        StringBuilder render(EpcisEvent event) {
            out.setLength(0);
            writer.write(event, out);
            return out;
        }

        byte[] digest(StringBuilder text) {
            int length = encodeUtf8(text);
            sha256.update(utf8, 0, length);
            try {
                sha256.digest(digest, 0, 32);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException(e);
            }
            // buffers once grown for a huge event are not kept for the rest of the thread's life
            if (out.capacity() > LARGE) {
                out.setLength(0);
                out.trimToSize();
                chars = new char[2048];
                utf8 = new byte[4096];
                writer.releaseLargeBuffers(LARGE);
            }
            return digest;
        }

        /** UTF-8 without a String or CharsetEncoder in between; a lone surrogate becomes '?', as String.getBytes does. */
        private int encodeUtf8(StringBuilder text) {
            int n = text.length();
            if (utf8.length < n * 3) {
                utf8 = new byte[Math.max(n * 3, utf8.length * 2)];
            }
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            text.getChars(0, n, chars, 0);
            char[] s = chars;
            byte[] b = utf8;
            int j = 0;
            for (int i = 0; i < n; i++) {
                char c = s[i];
                if (c < 0x80) {
                    b[j++] = (byte) c;
                } else if (c < 0x800) {
                    b[j++] = (byte) (0xC0 | (c >> 6));
                    b[j++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s[i + 1])) {
                    int cp = Character.toCodePoint(c, s[++i]);
                    b[j++] = (byte) (0xF0 | (cp >> 18));
                    b[j++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[j++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[j++] = (byte) (0x80 | (cp & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    b[j++] = '?';
                } else {
                    b[j++] = (byte) (0xE0 | (c >> 12));
                    b[j++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    b[j++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            return j;
        }
    }
}
