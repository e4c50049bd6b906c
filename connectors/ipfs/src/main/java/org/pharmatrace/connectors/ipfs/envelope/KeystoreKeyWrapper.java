package org.pharmatrace.connectors.ipfs.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * Wraps data keys with AES key wrap (RFC 3394, "AES/KW/NoPadding") under AES key-encryption keys held in a PKCS12
 * keystore. The key id is the keystore alias: the current alias wraps, any alias still in the keystore unwraps.
 */
public final class KeystoreKeyWrapper implements KeyWrapper {

  /** The name envelopes record for this wrapping. */
  public static final String ALGORITHM = "AES-KW";

  private final KeyStore keystore;
  private final char[] keyPassword;
  private final String currentKeyId;

  public KeystoreKeyWrapper(KeyStore keystore, char[] keyPassword, String currentKeyId) throws GeneralSecurityException {
    this.keystore = keystore;
    this.keyPassword = keyPassword.clone();
    this.currentKeyId = currentKeyId;
    // Fail at start-up, not at the first upload, when the configured key is missing or is no AES key.
    keyEncryptionKey(currentKeyId);
  }

  /** Loads a PKCS12 keystore whose key entries share the store's password. */
  public static KeystoreKeyWrapper load(Path pkcs12, char[] password, String currentKeyId)
      throws IOException, GeneralSecurityException {
    KeyStore keystore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(pkcs12)) {
      keystore.load(in, password);
    }
    return new KeystoreKeyWrapper(keystore, password, currentKeyId);
  }

  @Override
  public WrappedKey wrap(SecretKey dataKey) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/KW/NoPadding");
    cipher.init(Cipher.WRAP_MODE, keyEncryptionKey(currentKeyId));
    return new WrappedKey(currentKeyId, ALGORITHM, cipher.wrap(dataKey));
  }

  @Override
  public SecretKey unwrap(WrappedKey wrapped) throws GeneralSecurityException {
    if (!ALGORITHM.equals(wrapped.algorithm())) {
      throw new GeneralSecurityException("data key wrapped with " + wrapped.algorithm() + ", this keystore unwraps "
          + ALGORITHM + " only");
    }
    Cipher cipher = Cipher.getInstance("AES/KW/NoPadding");
    cipher.init(Cipher.UNWRAP_MODE, keyEncryptionKey(wrapped.keyId()));
    try {
      return (SecretKey) cipher.unwrap(wrapped.bytes(), "AES", Cipher.SECRET_KEY);
    } catch (GeneralSecurityException e) {
      throw new GeneralSecurityException("the data key does not unwrap under key-encryption key '"
          + wrapped.keyId() + "': wrong key or tampered envelope", e);
    }
  }

  private SecretKey keyEncryptionKey(String keyId) throws GeneralSecurityException {
    Key key;
    try {
      key = keystore.getKey(keyId, keyPassword);
    } catch (UnrecoverableKeyException e) {
      throw new GeneralSecurityException("key-encryption key '" + keyId + "' cannot be read with the given password", e);
    }
    if (key == null) {
      throw new GeneralSecurityException("no key-encryption key '" + keyId + "' in the keystore");
    }
    if (!(key instanceof SecretKey secret) || !"AES".equalsIgnoreCase(key.getAlgorithm())) {
      throw new GeneralSecurityException("keystore entry '" + keyId + "' is not an AES secret key");
    }
    return secret;
  }
}
