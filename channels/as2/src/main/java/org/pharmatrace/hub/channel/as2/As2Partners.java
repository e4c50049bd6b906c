package org.pharmatrace.hub.channel.as2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pharmatrace.gs1.CompanyPrefixLengths;
import org.pharmatrace.hub.channel.as2.As2ChannelProperties.Partner;
import org.pharmatrace.hub.partner.PartnerDirectory;
import org.pharmatrace.mapping.PartnerProfile;

/**
 * Our AS2 identity (key and certificate chain from the keystore) and the registered partners by AS2 name, each
 * with its certificate and mapping profile. Misconfiguration stops the start-up with the key at fault named.
 */
public class As2Partners {

    /** A registered partner as the channel uses it. */
    public record As2Partner(Partner settings, X509Certificate certificate, PartnerProfile profile) {
        public String as2Id() {
            return settings.as2Id();
        }

        public String hubPartner() {
            return settings.partner();
        }
    }

    private final String as2Id;
    private final PrivateKey privateKey;
    private final Certificate[] certificateChain;
    private final Map<String, As2Partner> byAs2Id = new LinkedHashMap<>();

    public As2Partners(As2ChannelProperties properties, PartnerDirectory directory) {
        if (properties.as2Id() == null || properties.as2Id().isBlank()) {
            throw new IllegalStateException("hub.channels.as2.as2-id: our AS2 name is required");
        }
        this.as2Id = properties.as2Id();
        try (InputStream in = Files.newInputStream(Path.of(required(properties.keystore(), "keystore")))) {
            char[] password = required(properties.keystorePassword(), "keystore-password").toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!(store.getKey(properties.keyAlias(), password) instanceof PrivateKey key)) {
                throw new IllegalStateException("hub.channels.as2.key-alias: no private key '" + properties.keyAlias()
                        + "' in " + properties.keystore());
            }
            this.privateKey = key;
            this.certificateChain = store.getCertificateChain(properties.keyAlias());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("hub.channels.as2.keystore: cannot read " + properties.keystore() + ": "
                    + e, e);
        }
        for (int i = 0; i < properties.partners().size(); i++) {
            Partner partner = properties.partners().get(i);
            String key = "hub.channels.as2.partners[" + i + "]";
            if (partner.as2Id() == null || partner.partner() == null) {
                throw new IllegalStateException(key + ": as2-id and partner are required");
            }
            if (directory.byId(partner.partner()).isEmpty()) {
                throw new IllegalStateException(key + ".partner: '" + partner.partner() + "' is not in hub.partners");
            }
            if (partner.mdn() == As2ChannelProperties.MdnMode.ASYNC
                    && (partner.asyncMdnUrl() == null || partner.asyncMdnUrl().isBlank())) {
                throw new IllegalStateException(key + ".async-mdn-url: required for asynchronous MDNs");
            }
            X509Certificate certificate = certificate(partner.certificate(), key + ".certificate");
            byAs2Id.put(partner.as2Id(), new As2Partner(partner, certificate, profile(partner)));
        }
    }

    public String as2Id() {
        return as2Id;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public Certificate[] certificateChain() {
        return certificateChain.clone();
    }

    public int count() {
        return byAs2Id.size();
    }

    public Optional<As2Partner> byAs2Id(String as2Id) {
        return Optional.ofNullable(as2Id == null ? null : byAs2Id.get(unquoted(as2Id)));
    }

    /** AS2 names may arrive quoted (RFC 4130 allows it for names with spaces). */
    static String unquoted(String name) {
        String trimmed = name.trim();
        return trimmed.length() > 1 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    private static PartnerProfile profile(Partner partner) {
        As2ChannelProperties.Profile profile = partner.profile();
        PartnerProfile defaults = PartnerProfile.defaults();
        CompanyPrefixLengths lengths = defaults.companyPrefixLengths();
        for (Map.Entry<String, Integer> e : profile.companyPrefixLengths().entrySet()) {
            lengths = lengths.with(e.getKey(), e.getValue());
        }
        return new PartnerProfile(partner.partner(), profile.owningParty(), profile.location(),
                profile.eventTimeZoneOffset(), lengths, defaults.ndcCatalog(), profile.conventions());
    }

    private static X509Certificate certificate(String pemOrPath, String key) {
        try {
            byte[] pem = required(pemOrPath, key).contains("-----BEGIN")
                    ? pemOrPath.getBytes(StandardCharsets.US_ASCII) : Files.readAllBytes(Path.of(pemOrPath));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(key + ": not a readable X.509 certificate: " + e, e);
        }
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            String name = key.startsWith("hub.") ? key : "hub.channels.as2." + key;
            throw new IllegalStateException(name + " is required");
        }
        return value;
    }
}
