package org.pharmatrace.connectors.fabric;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.client.identity.Identities;

/** A self-signed P-256 certificate and its key written as PEM, laid out like a cryptogen MSP folder. */
final class TestEnrolment {

  final Path certificate;
  final Path keystore;
  final Path key;

  private TestEnrolment(Path certificate, Path keystore, Path key) {
    this.certificate = certificate;
    this.keystore = keystore;
    this.key = key;
  }

  static TestEnrolment create(Path directory, String commonName) throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=" + commonName);
    Instant now = Instant.now();
    X509Certificate certificate;
    try {
      certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
          BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofMinutes(1))),
          Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic())
          .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
    Path signcerts = Files.createDirectories(directory.resolve(commonName).resolve("signcerts"));
    Path keystore = Files.createDirectories(directory.resolve(commonName).resolve("keystore"));
    Path certificateFile = Files.writeString(signcerts.resolve("cert.pem"), Identities.toPemString(certificate));
    Path keyFile = Files.writeString(keystore.resolve("9f3c_sk"), Identities.toPemString(keys.getPrivate()));
    return new TestEnrolment(certificateFile, keystore, keyFile);
  }
}
