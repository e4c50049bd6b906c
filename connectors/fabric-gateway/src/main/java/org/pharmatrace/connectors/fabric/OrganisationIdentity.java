package org.pharmatrace.connectors.fabric;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.stream.Stream;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * The enrolment the hub signs with on behalf of one organisation: its MSP id, its X.509 certificate and its private
 * key, both PEM. The key may also be given as a directory holding exactly one file, which is how Fabric CA and
 * cryptogen lay out {@code msp/keystore}.
 */
public record OrganisationIdentity(String mspId, Path certificatePem, Path privateKeyPem) {

  public OrganisationIdentity {
    if (mspId == null || mspId.isBlank()) {
      throw new IllegalArgumentException("an organisation needs its MSP id");
    }
    if (certificatePem == null || privateKeyPem == null) {
      throw new IllegalArgumentException(mspId + ": certificate and private key paths are required");
    }
  }

  /** The certificate that goes into every proposal as the creator. */
  public Identity identity() throws IOException, CertificateException {
    try (Reader pem = Files.newBufferedReader(certificatePem)) {
      return new X509Identity(mspId, Identities.readX509Certificate(pem));
    }
  }

  /** Signs proposals, transactions and event requests with the organisation's private key. */
  public Signer signer() throws IOException, InvalidKeyException {
    try (Reader pem = Files.newBufferedReader(keyFile())) {
      return Signers.newPrivateKeySigner(Identities.readPrivateKey(pem));
    }
  }

  private Path keyFile() throws IOException {
    if (!Files.isDirectory(privateKeyPem)) {
      return privateKeyPem;
    }
    try (Stream<Path> files = Files.list(privateKeyPem)) {
      List<Path> keys = files.filter(Files::isRegularFile).toList();
      if (keys.size() != 1) {
        throw new IOException(mspId + ": key directory " + privateKeyPem + " holds " + keys.size()
            + " files; expected exactly one private key");
      }
      return keys.get(0);
    }
  }
}
