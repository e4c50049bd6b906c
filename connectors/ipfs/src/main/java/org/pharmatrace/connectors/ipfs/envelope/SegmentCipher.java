package org.pharmatrace.connectors.ipfs.envelope;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM over one segment of an envelope. Segment i uses the base nonce with its last 32 bits XORed with i,
 * so no nonce repeats under the blob's data key, and authenticates header | i | final-flag, so segments cannot be
 * reordered, dropped from the end, or followed by extra ones.
 */
final class SegmentCipher {

  static final int TAG_LENGTH = 16;

  private final SecretKey dataKey;
  private final byte[] header;
  private final byte[] baseNonce;
  private final Cipher gcm;

  SegmentCipher(SecretKey dataKey, byte[] encodedHeader, byte[] baseNonce) throws GeneralSecurityException {
    this.dataKey = dataKey;
    this.header = encodedHeader;
    this.baseNonce = baseNonce;
    this.gcm = Cipher.getInstance("AES/GCM/NoPadding");
  }

  byte[] seal(long index, boolean last, byte[] plaintext, int length) throws GeneralSecurityException {
    gcm.init(Cipher.ENCRYPT_MODE, dataKey, parameters(index));
    gcm.updateAAD(associatedData(index, last));
    return gcm.doFinal(plaintext, 0, length);
  }

  byte[] open(long index, boolean last, byte[] sealed, int length) throws GeneralSecurityException {
    gcm.init(Cipher.DECRYPT_MODE, dataKey, parameters(index));
    gcm.updateAAD(associatedData(index, last));
    return gcm.doFinal(sealed, 0, length);
  }

  private GCMParameterSpec parameters(long index) {
    if (index > 0xffffffffL) {
      throw new IllegalStateException("an envelope holds at most 2^32 segments");
    }
    byte[] nonce = baseNonce.clone();
    int counter = (int) index;
    for (int i = 0; i < 4; i++) {
      nonce[8 + i] ^= (byte) (counter >>> (24 - 8 * i));
    }
    return new GCMParameterSpec(TAG_LENGTH * 8, nonce);
  }

  private byte[] associatedData(long index, boolean last) {
    return ByteBuffer.allocate(header.length + 5).put(header).putInt((int) index).put((byte) (last ? 1 : 0)).array();
  }
}
