package org.pharmatrace.hub.channel.sftp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The SFTP channel's settings under {@code hub.channels.sftp}: the server the hub polls (host-key checked, key
 * authenticated), how files are picked up (poll delay, read lock, excluded names, done/error folders), where the
 * channel keeps its own state, and one entry per partner folder with the partner's file conventions.
 *
 * @param server the SFTP server every partner folder is on, unless a partner names its own
 * @param pollDelay time between two polls of a folder
 * @param initialDelay time before the first poll after start-up
 * @param readLock {@code changed} (default: a file is taken only once its size and modification time stay the same
 *        for {@code readLockCheckInterval} and it is older than {@code readLockMinAge}) or {@code none} (partners
 *        upload as {@code *.part} and rename when complete; the file is taken at the next poll)
 * @param exclude file names never picked up (regular expression, case-insensitive): in-progress uploads
 *        ({@code *.part}, {@code *.tmp}, {@code *.filepart}) and hidden files
 * @param doneFolder sub-folder of a partner folder that processed files move to
 * @param errorFolder sub-folder that refused files move to, each with a {@code <name>.reason} file beside it
 * @param workDirectory local directory remote files are downloaded to before they are read (never into memory)
 * @param stateDirectory local directory of the processed-content ledger (content SHA-256 per partner)
 * @param maxFileSize larger files are refused ({@code FILE_TOO_LARGE}); below it any file is streamed into the
 *        document store (local or IPFS) and read from the local copy, never held in memory
 */
@ConfigurationProperties("hub.channels.sftp")
public record SftpChannelProperties(
        @DefaultValue Server server,
        @DefaultValue("10s") Duration pollDelay,
        @DefaultValue("1s") Duration initialDelay,
        @DefaultValue("changed") String readLock,
        @DefaultValue("1s") Duration readLockCheckInterval,
        @DefaultValue("5s") Duration readLockMinAge,
        @DefaultValue("60s") Duration readLockTimeout,
        @DefaultValue("(\\..*|.*\\.(part|partial|tmp|filepart|crdownload))") String exclude,
        @DefaultValue("done") String doneFolder,
        @DefaultValue("error") String errorFolder,
        @DefaultValue("data/sftp/work") Path workDirectory,
        @DefaultValue("data/sftp/state") Path stateDirectory,
        @DefaultValue("2GB") DataSize maxFileSize,
        @DefaultValue List<PartnerFolder> partners) {

    /**
     * Where and how the hub logs in. Host keys are always checked strictly against {@code knownHostsFile} (OpenSSH
     * format; {@code [host]:port} entries for ports other than 22); only public-key authentication is offered.
     */
    public record Server(
            @DefaultValue("localhost") String host,
            @DefaultValue("22") int port,
            String username,
            Path privateKeyFile,
            String privateKeyPassphrase,
            Path knownHostsFile,
            @DefaultValue("10s") Duration connectTimeout) {
    }

    /**
     * A partner folder: whose it is ({@code hub.partners[].id}), where it is, and the partner's conventions for
     * serial files (see serial-file-mapping's README).
     *
     * @param partner the hub partner id the files are captured for
     * @param folder the folder on the server, relative to the login directory
     * @param server overrides of the channel's server for this partner (any field left out is the channel's)
     * @param location the partner's default site (SGLN URN) when a serial file has no site_gln
     * @param owningParty the partner's own party identifier (PGLN or SGLN URN)
     * @param eventTimeZoneOffset the offset of production dates, e.g. {@code -05:00}
     * @param companyPrefixes GS1 company prefixes of the partner's GTINs and site GLNs; each entry's length is the
     *        prefix length (NDC-based {@code 03} GTINs use the NDC rule, {@code ndcCompanyPrefixLength})
     * @param ndcCompanyPrefixLength 6, 7 (default) or 8 for 4-, 5- or 6-digit labeler codes
     * @param conventions mapper settings such as {@code serial.maxEpcsPerEvent} or {@code serial.delimiter}
     */
    public record PartnerFolder(
            String partner,
            String folder,
            @DefaultValue ServerOverride server,
            String location,
            String owningParty,
            @DefaultValue("+00:00") String eventTimeZoneOffset,
            @DefaultValue List<String> companyPrefixes,
            @DefaultValue("7") int ndcCompanyPrefixLength,
            @DefaultValue Map<String, String> conventions) {
    }

    /** Per-partner server settings; {@code null} means the channel's. */
    public record ServerOverride(String host, Integer port, String username, Path privateKeyFile,
                                 String privateKeyPassphrase, Path knownHostsFile) {
    }
}
