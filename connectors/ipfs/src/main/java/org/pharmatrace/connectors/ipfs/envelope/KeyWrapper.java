package org.pharmatrace.connectors.ipfs.envelope;

import java.security.GeneralSecurityException;
import javax.crypto.SecretKey;

/**
 * Wraps and unwraps per-blob data keys under the hub's key-encryption key. The seam for a KMS or an HSM: an
 * implementation may send the data key to a service and never hold the key-encryption key itself.
 */
public interface KeyWrapper {

  /** Wraps a fresh data key under the current key-encryption key. */
  WrappedKey wrap(SecretKey dataKey) throws GeneralSecurityException;

  /**
   * Unwraps a data key under the key-encryption key the envelope names, which may be an older one than the
   * current: rotation must not orphan the blobs already stored.
   */
  SecretKey unwrap(WrappedKey wrapped) throws GeneralSecurityException;
}
