package org.pharmatrace.hub.channel.as2;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test fixtures, generated afresh for every test run (nothing is committed): self-signed RSA identities for the hub
 * and its AS2 partners, as PKCS12 keystores and PEM certificates.
 */
final class TestPki {

    static final String PASSWORD = "test-only";

    record Identity(String alias, KeyPair keys, X509Certificate certificate) {
        String pem() throws Exception {
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(certificate);
            }
            return out.toString();
        }
    }

    private TestPki() {
    }

    static Identity identity(String alias) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=" + alias + ", O=PharmaTrace test fixture");
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                        Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(30, ChronoUnit.DAYS)), name,
                        keys.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        return new Identity(alias, keys, certificate);
    }

    /** A PKCS12 keystore with the private key of {@code own} and the certificates of the others. */
    static byte[] keystore(Identity own, Identity... trusted) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(own.alias(), own.keys().getPrivate(), PASSWORD.toCharArray(),
                new Certificate[] {own.certificate()});
        for (Identity other : trusted) {
            store.setCertificateEntry(other.alias(), other.certificate());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, PASSWORD.toCharArray());
        return out.toByteArray();
    }

    static Path write(Path directory, String name, byte[] content) throws Exception {
        return Files.write(directory.resolve(name), content);
    }
}
