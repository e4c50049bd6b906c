package org.pharmatrace.connectors.ipfs.cid;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudo-random files of Kubo's CLI tests (testutils.DeterministicRandomReader): the ChaCha20 key stream under
 * key sha256(seed), zero 96-bit nonce, counter 0. Generated on the fly, so a 175 MiB vector needs no disk.
 */
final class KuboDeterministicBytes extends InputStream {

  private static final int BLOCK = 64 << 10;

  private final Cipher chacha;
  private final byte[] zeros = new byte[BLOCK];
  private final byte[] buffer = new byte[BLOCK];
  private long remaining;
  private int position;
  private int available;

  KuboDeterministicBytes(long size, String seed) {
    try {
      byte[] key = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      chacha = Cipher.getInstance("ChaCha20");
      chacha.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new ChaCha20ParameterSpec(new byte[12], 0));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    remaining = size;
  }

  static KuboDeterministicBytes mib(int mebibytes, String seed) {
    return new KuboDeterministicBytes((long) mebibytes << 20, seed);
  }

  static KuboDeterministicBytes kib(int kibibytes, String seed) {
    return new KuboDeterministicBytes((long) kibibytes << 10, seed);
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) {
    if (position == available) {
      if (remaining == 0) {
        return -1;
      }
      available = (int) Math.min(BLOCK, remaining);
      try {
        chacha.update(zeros, 0, available, buffer, 0);
      } catch (ShortBufferException e) {
        throw new IllegalStateException(e);
      }
      remaining -= available;
      position = 0;
    }
    int n = Math.min(length, available - position);
    System.arraycopy(buffer, position, target, offset, n);
    position += n;
    return n;
  }
}
