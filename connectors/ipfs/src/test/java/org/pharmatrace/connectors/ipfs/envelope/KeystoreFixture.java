package org.pharmatrace.connectors.ipfs.envelope;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import javax.crypto.spec.SecretKeySpec;

/** PKCS12 keystores of fresh AES-256 key-encryption keys, written to disk the way operators provide them. */
public final class KeystoreFixture {

  public static final char[] PASSWORD = "changeit-test".toCharArray();

  private KeystoreFixture() {
  }

  /** A keystore file holding one random AES-256 key per alias. */
  public static Path keystore(Path directory, String... aliases) throws IOException, GeneralSecurityException {
    KeyStore keystore = KeyStore.getInstance("PKCS12");
    keystore.load(null, null);
    SecureRandom random = new SecureRandom();
    for (String alias : aliases) {
      byte[] key = new byte[32];
      random.nextBytes(key);
      keystore.setEntry(alias, new KeyStore.SecretKeyEntry(new SecretKeySpec(key, "AES")),
          new KeyStore.PasswordProtection(PASSWORD));
    }
    Path file = Files.createTempFile(directory, "kek-", ".p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      keystore.store(out, PASSWORD);
    }
    return file;
  }

  public static KeystoreKeyWrapper wrapper(Path directory, String alias) throws IOException, GeneralSecurityException {
    return KeystoreKeyWrapper.load(keystore(directory, alias), PASSWORD, alias);
  }
}
