package org.pharmatrace.chaincode;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * A transaction creator as the peer presents it: a real X.509 certificate (EC P-256, like Fabric CA issues) carrying
 * Fabric CA attributes in extension 1.2.3.4.5.6.7.8.1, wrapped in an MSP SerializedIdentity. The contract's
 * {@code ClientIdentity} parses it exactly as it would on a peer.
 */
public record TestIdentity(String mspId, String name, Map<String, String> attributes, String certificatePem) {

    private static final String FABRIC_ATTRIBUTES_OID = "1.2.3.4.5.6.7.8.1";
    private static final Map<String, TestIdentity> CACHE = new ConcurrentHashMap<>();

    public static TestIdentity of(String mspId, String name) {
        return of(mspId, name, Map.of());
    }

    public static TestIdentity of(String mspId, String name, Map<String, String> attributes) {
        String cacheKey = mspId + "/" + name + "/" + new TreeMap<>(attributes);
        return CACHE.computeIfAbsent(cacheKey, k -> create(mspId, name, attributes));
    }

    public byte[] serializedIdentity() {
        return SerializedIdentity.newBuilder()
                .setMspid(mspId)
                .setIdBytes(ByteString.copyFrom(certificatePem, UTF_8))
                .build()
                .toByteArray();
    }

    private static TestIdentity create(String mspId, String name, Map<String, String> attributes) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            X500Name subject = new X500Name("CN=" + name + ",OU=client,O=" + mspId);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    new X500Name("CN=ca." + mspId + ",O=" + mspId), BigInteger.valueOf(Math.abs(name.hashCode()) + 1L),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)),
                    subject, keys.getPublic());
            if (!attributes.isEmpty()) {
                // Fabric CA writes the attributes as raw JSON in the extension value.
                String json = new TreeMap<>(attributes).entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                        .collect(Collectors.joining(",", "{\"attrs\":{", "}}"));
                builder.addExtension(new ASN1ObjectIdentifier(FABRIC_ATTRIBUTES_OID), false, json.getBytes(UTF_8));
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            return new TestIdentity(mspId, name, Map.copyOf(attributes), pem);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a test certificate for " + name + "@" + mspId, e);
        }
    }
}
