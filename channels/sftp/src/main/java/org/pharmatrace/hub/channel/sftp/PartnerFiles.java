package org.pharmatrace.hub.channel.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.camel.Exchange;
import org.pharmatrace.hub.deadletter.Stage;
import org.pharmatrace.hub.ingest.ChannelIngest;
import org.springframework.stereotype.Component;

/**
 * Takes in a file the SFTP consumer downloaded to the local work directory: hashes it and tells what it holds
 * (one pass over the file, never all of it in memory), then keeps the original in the hub's document store.
 */
@Component
public class PartnerFiles {

    private static final int SNIFF_BYTES = 4096;

    private final PartnerFolders folders;
    private final ChannelIngest channels;
    private final long maxFileSize;

    public PartnerFiles(PartnerFolders folders, ChannelIngest channels, SftpChannelProperties properties) {
        this.folders = folders;
        this.channels = channels;
        this.maxFileSize = properties.maxFileSize().toBytes();
    }

    /** The downloaded file becomes the exchange's {@link PartnerFile}: content SHA-256 and kind. */
    public void receive(Exchange exchange) throws IOException {
        PartnerFolders.Setup folder = folders.get(exchange.getIn().getHeader(PartnerFileHeaders.PARTNER, String.class));
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String localPath = exchange.getIn().getHeader(Exchange.FILE_LOCAL_WORK_PATH, String.class);
        if (localPath == null) {
            throw new IllegalStateException("the SFTP consumer did not download " + name
                    + " to its local work directory (localWorkDirectory missing?)");
        }
        PartnerFile file = takeIn(folder, name, Path.of(localPath));
        exchange.setProperty(PartnerFileHeaders.PARTNER_FILE, file);
        refuseEmptyOrTooLarge(file);
    }

    /** Hash and kind of a local copy, in one pass. */
    PartnerFile takeIn(PartnerFolders.Setup folder, String name, Path local) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] head = new byte[SNIFF_BYTES];
        int headLength = 0;
        long size = 0;
        try (InputStream in = Files.newInputStream(local)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (headLength < head.length) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                sha256.update(buffer, 0, n);
                size += n;
            }
        }
        return new PartnerFile(folder, name, local, size, HexFormat.of().formatHex(sha256.digest()),
                kindOf(head, headLength));
    }

    /** An empty file has nothing to capture; one over the configured maximum is refused before it is stored. */
    void refuseEmptyOrTooLarge(PartnerFile file) {
        if (file.size() == 0) {
            throw new PartnerFileRejectedException("file", "EMPTY_FILE", "the file is empty", Stage.VALIDATION, null,
                    null);
        }
        if (file.size() > maxFileSize) {
            throw new PartnerFileRejectedException("file", "FILE_TOO_LARGE", "the file has " + file.size()
                    + " bytes; this hub takes files of up to " + maxFileSize + " bytes (hub.channels.sftp.max-file-size)",
                    Stage.RECEIVE, null, null);
        }
    }


    /** Whether the file is a serial CSV (else it is an EPCIS document). */
    public boolean isSerialFile(Exchange exchange) {
        return file(exchange).kind() == PartnerFile.Kind.SERIAL_CSV;
    }

    /** Keeps the original before anything is mapped: streamed from the local copy into the hub's document store. */
    public void keepOriginal(Exchange exchange) throws IOException {
        keep(file(exchange));
    }

    void keep(PartnerFile file) throws IOException {
        file.kept(channels.keepOriginal(file.localCopy(), file.sha256(), file.kind().mediaType()).reference());
    }

    static PartnerFile file(Exchange exchange) {
        return exchange.getProperty(PartnerFileHeaders.PARTNER_FILE, PartnerFile.class);
    }

    /** EPCIS XML starts with '<', JSON-LD with '{' (after a byte order mark and blanks); anything else is a CSV. */
    private static PartnerFile.Kind kindOf(byte[] head, int length) {
        int i = length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
        while (i < length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i < length && head[i] == '<') {
            return PartnerFile.Kind.EPCIS_XML;
        }
        if (i < length && head[i] == '{') {
            return PartnerFile.Kind.EPCIS_JSON_LD;
        }
        return PartnerFile.Kind.SERIAL_CSV;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
