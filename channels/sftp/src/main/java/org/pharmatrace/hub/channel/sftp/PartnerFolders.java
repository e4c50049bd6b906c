package org.pharmatrace.hub.channel.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pharmatrace.gs1.CompanyPrefixLengths;
import org.pharmatrace.gs1.InMemoryNdcProductCatalog;
import org.pharmatrace.hub.channel.sftp.SftpChannelProperties.PartnerFolder;
import org.pharmatrace.hub.channel.sftp.SftpChannelProperties.Server;
import org.pharmatrace.hub.channel.sftp.SftpChannelProperties.ServerOverride;
import org.pharmatrace.hub.partner.PartnerDirectory;
import org.pharmatrace.hub.partner.TradingPartner;
import org.pharmatrace.mapping.PartnerProfile;
import org.springframework.stereotype.Component;

/**
 * The configured partner folders, checked once at start-up (partner known to the hub, key and known_hosts files
 * readable, folder names sensible), each with the Camel endpoint URIs that poll it and write into its error folder.
 */
@Component
public class PartnerFolders {

    /** One partner folder as the routes use it. */
    public record Setup(String partnerId, TradingPartner partner, PartnerProfile profile, String host, int port,
                        String username, String folder, Path knownHostsFile, String pollUri, String errorFolderUri) {

        public String routeId() {
            return "sftp-poll-" + partnerId;
        }

        /** "sftp://hub@host:2222/acme/outbound", without credentials or options, for logs and health. */
        public String location() {
            return "sftp://" + username + "@" + host + ":" + port + "/" + folder;
        }
    }

    private final Map<String, Setup> byPartner = new LinkedHashMap<>();

    public PartnerFolders(SftpChannelProperties properties, PartnerDirectory partners) {
        for (PartnerFolder folder : properties.partners()) {
            Setup setup = setup(properties, folder, partners);
            if (byPartner.put(setup.partnerId(), setup) != null) {
                throw new IllegalStateException("hub.channels.sftp.partners: partner '" + setup.partnerId()
                        + "' has two folders; give it one");
            }
        }
    }

    public List<Setup> all() {
        return new ArrayList<>(byPartner.values());
    }

    public Optional<Setup> of(String partnerId) {
        return Optional.ofNullable(byPartner.get(partnerId));
    }

    public Setup get(String partnerId) {
        return of(partnerId).orElseThrow(() -> new IllegalStateException("no SFTP folder for partner " + partnerId));
    }

    private static Setup setup(SftpChannelProperties properties, PartnerFolder folder, PartnerDirectory partners) {
        String key = "hub.channels.sftp.partners[" + folder.partner() + "]";
        if (folder.partner() == null || folder.partner().isBlank()) {
            throw new IllegalStateException("hub.channels.sftp.partners: every folder needs 'partner' (a hub.partners id)");
        }
        TradingPartner partner = partners.byId(folder.partner()).orElseThrow(() -> new IllegalStateException(
                key + ": no hub partner with id '" + folder.partner() + "' in hub.partners"));
        String dir = folder.folder() == null ? "" : folder.folder().strip().replaceAll("^/+|/+$", "");
        if (dir.isEmpty() || dir.contains("..")) {
            throw new IllegalStateException(key + ".folder: '" + folder.folder()
                    + "' must be a folder below the login directory, e.g. acme/outbound");
        }
        Server server = properties.server();
        ServerOverride own = folder.server();
        String host = first(own.host(), server.host());
        int port = own.port() != null ? own.port() : server.port();
        String username = first(own.username(), server.username());
        Path privateKey = first(own.privateKeyFile(), server.privateKeyFile());
        String passphrase = first(own.privateKeyPassphrase(), server.privateKeyPassphrase());
        Path knownHosts = first(own.knownHostsFile(), server.knownHostsFile());
        if (username == null || username.isBlank()) {
            throw new IllegalStateException(key + ": no user name (hub.channels.sftp.server.username)");
        }
        if (privateKey == null || !Files.isReadable(privateKey)) {
            throw new IllegalStateException(key + ": private key file " + privateKey + " is not readable "
                    + "(hub.channels.sftp.server.private-key-file); the channel logs in with a key only");
        }
        if (knownHosts == null || !Files.isReadable(knownHosts)) {
            throw new IllegalStateException(key + ": known_hosts file " + knownHosts + " is not readable "
                    + "(hub.channels.sftp.server.known-hosts-file); the server's host key is always checked");
        }
        PartnerProfile profile = profile(folder);
        String credentials = "privateKeyFile=" + raw(privateKey.toAbsolutePath().toString())
                + (passphrase == null ? "" : "&privateKeyPassphrase=" + raw(passphrase))
                + "&preferredAuthentications=publickey"
                + "&knownHostsFile=" + raw(knownHosts.toAbsolutePath().toString())
                + "&strictHostKeyChecking=yes&useUserKnownHostsFile=false"
                + "&connectTimeout=" + properties.server().connectTimeout().toMillis()
                + "&stepwise=false&jschLoggingLevel=WARN";
        String base = "sftp://" + username + "@" + host + ":" + port + "/";
        StringBuilder poll = new StringBuilder(base).append(dir).append('?').append(credentials)
                .append("&delay=").append(properties.pollDelay().toMillis())
                .append("&initialDelay=").append(properties.initialDelay().toMillis())
                .append("&exclude=").append(raw(properties.exclude()))
                .append("&sortBy=file:modified")
                .append("&localWorkDirectory=").append(raw(properties.workDirectory().resolve(folder.partner())
                        .toAbsolutePath().toString()))
                // where the file goes after processing is decided while it is processed: done/ or error/
                .append("&move=").append(raw("${header." + PartnerFileHeaders.OUTCOME_FOLDER + "}/${file:name}"))
                .append("&throwExceptionOnConnectFailed=true&pollStrategy=#").append(SftpPollWatch.BEAN)
                .append("&exceptionHandler=#").append(SftpPollWatch.BEAN)
                .append("&autoCreate=true");
        switch (properties.readLock()) {
            case "changed" -> poll.append("&readLock=changed")
                    .append("&readLockCheckInterval=").append(properties.readLockCheckInterval().toMillis())
                    .append("&readLockMinAge=").append(properties.readLockMinAge().toMillis())
                    .append("&readLockTimeout=").append(properties.readLockTimeout().toMillis())
                    .append("&readLockLoggingLevel=DEBUG");
            case "none" -> poll.append("&readLock=none");
            default -> throw new IllegalStateException("hub.channels.sftp.read-lock: '" + properties.readLock()
                    + "' is neither 'changed' (size and time stable) nor 'none' (partners upload *.part and rename)");
        }
        String error = base + dir + "/" + properties.errorFolder() + "?" + credentials + "&fileExist=Override"
                + "&tempPrefix=.writing-";
        return new Setup(folder.partner(), partner, profile, host, port, username, dir, knownHosts, poll.toString(),
                error);
    }

    private static PartnerProfile profile(PartnerFolder folder) {
        CompanyPrefixLengths lengths = CompanyPrefixLengths.defaults()
                .withNdcCompanyPrefixLength(folder.ndcCompanyPrefixLength());
        for (String prefix : folder.companyPrefixes()) {
            if (!prefix.matches("\\d{6,12}")) {
                throw new IllegalStateException("hub.channels.sftp.partners[" + folder.partner()
                        + "].company-prefixes: '" + prefix + "' is not a GS1 company prefix of 6 to 12 digits");
            }
            lengths = lengths.with(prefix, prefix.length());
        }
        return new PartnerProfile(folder.partner(), folder.owningParty(), folder.location(),
                folder.eventTimeZoneOffset(), lengths, new InMemoryNdcProductCatalog(), folder.conventions());
    }

    private static <T> T first(T own, T channel) {
        return own != null ? own : channel;
    }

    /** Camel's literal option value; RAW{} when the value itself has a closing parenthesis (a regex). */
    private static String raw(String value) {
        return value.contains(")") ? "RAW{" + value + "}" : "RAW(" + value + ")";
    }
}
