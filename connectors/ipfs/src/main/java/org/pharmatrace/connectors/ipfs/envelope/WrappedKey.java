package org.pharmatrace.connectors.ipfs.envelope;

import java.util.Arrays;
import java.util.Objects;

/** A blob's data key as stored in its envelope: wrapped under the key-encryption key {@code keyId}. */
public record WrappedKey(String keyId, String algorithm, byte[] bytes) {

  public WrappedKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(algorithm, "algorithm");
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WrappedKey that && keyId.equals(that.keyId) && algorithm.equals(that.algorithm)
        && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyId, algorithm, Arrays.hashCode(bytes));
  }

  @Override
  public String toString() {
    return "WrappedKey[" + keyId + ", " + algorithm + ", " + bytes.length + " bytes]";
  }
}
