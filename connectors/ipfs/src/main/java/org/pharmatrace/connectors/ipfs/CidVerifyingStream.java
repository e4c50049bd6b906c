package org.pharmatrace.connectors.ipfs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.pharmatrace.connectors.ipfs.cid.Cid;
import org.pharmatrace.connectors.ipfs.cid.ImportProfile;
import org.pharmatrace.connectors.ipfs.cid.UnixFsCid;

/** Passes a downloaded file through and, at its end, refuses it unless its bytes hash to the CID that was asked for. */
final class CidVerifyingStream extends FilterInputStream {

  private final Cid expected;
  private final UnixFsCid actual;
  private boolean verified;

  CidVerifyingStream(InputStream in, Cid expected, ImportProfile profile) {
    super(in);
    this.expected = expected;
    this.actual = new UnixFsCid(profile);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    int n = super.read(target, offset, length);
    if (n > 0) {
      actual.write(target, offset, n);
    } else if (n < 0 && !verified) {
      Cid computed = actual.finish();
      if (!computed.equals(expected)) {
        throw new CidMismatchException("Kubo served, for " + expected + ", bytes whose CID the hub computes as "
            + computed + "; refusing them", computed, expected);
      }
      verified = true;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes must still be hashed.
    return readAway(n);
  }

  private long readAway(long n) throws IOException {
    byte[] buffer = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
