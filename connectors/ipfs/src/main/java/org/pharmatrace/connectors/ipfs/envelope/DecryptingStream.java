package org.pharmatrace.connectors.ipfs.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;

/** The plaintext of an envelope's segments, each authenticated before any of its bytes are handed out. */
final class DecryptingStream extends InputStream {

  private final InputStream envelope;
  private final SegmentCipher cipher;
  private final byte[] sealed;
  private int sealedLength;
  private boolean lookaheadPending;
  private int lookahead;
  private long index;
  private boolean finished;
  private byte[] plaintext = new byte[0];
  private int position;

  DecryptingStream(InputStream envelope, int segmentSize, SegmentCipher cipher) {
    this.envelope = envelope;
    this.cipher = cipher;
    this.sealed = new byte[segmentSize + SegmentCipher.TAG_LENGTH];
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (position == plaintext.length) {
      if (finished) {
        return -1;
      }
      openNextSegment();
    }
    int n = Math.min(length, plaintext.length - position);
    System.arraycopy(plaintext, position, target, offset, n);
    position += n;
    return n;
  }

  private void openNextSegment() throws IOException {
    sealedLength = 0;
    if (lookaheadPending) {
      sealed[sealedLength++] = (byte) lookahead;
      lookaheadPending = false;
    }
    sealedLength += envelope.readNBytes(sealed, sealedLength, sealed.length - sealedLength);
    // Only a full segment can be followed by another; one more byte tells whether this one is the last.
    boolean last = true;
    if (sealedLength == sealed.length) {
      int next = envelope.read();
      if (next >= 0) {
        lookahead = next;
        lookaheadPending = true;
        last = false;
      }
    }
    if (sealedLength < SegmentCipher.TAG_LENGTH) {
      throw new EnvelopeException("envelope truncated: segment " + index + " is shorter than its tag");
    }
    try {
      plaintext = cipher.open(index, last, sealed, sealedLength);
    } catch (GeneralSecurityException e) {
      throw new EnvelopeException("envelope segment " + index + " failed authentication: the blob was tampered"
          + " with, truncated or extended", e);
    }
    position = 0;
    index++;
    finished = last;
  }

  @Override
  public void close() throws IOException {
    envelope.close();
  }
}
