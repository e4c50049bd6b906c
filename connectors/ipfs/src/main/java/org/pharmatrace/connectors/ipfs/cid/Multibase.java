package org.pharmatrace.connectors.ipfs.cid;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** The two multibase alphabets Kubo prints CIDs in: base32 lower-case (CIDv1, prefix "b") and base58btc (CIDv0). */
final class Multibase {

  private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  private Multibase() {
  }

  static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >>> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  static byte[] fromBase32(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < text.length(); i++) {
      int value = BASE32.indexOf(Character.toLowerCase(text.charAt(i)));
      if (value < 0) {
        throw new IllegalArgumentException("not base32: '" + text.charAt(i) + "' in " + text);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >>> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }

  static String base58(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    BigInteger value = new BigInteger(1, bytes);
    BigInteger radix = BigInteger.valueOf(58);
    while (value.signum() > 0) {
      BigInteger[] division = value.divideAndRemainder(radix);
      out.append(BASE58.charAt(division[1].intValue()));
      value = division[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      out.append('1');
    }
    return out.reverse().toString();
  }

  static byte[] fromBase58(String text) {
    BigInteger value = BigInteger.ZERO;
    BigInteger radix = BigInteger.valueOf(58);
    int leadingZeros = 0;
    for (int i = 0; i < text.length(); i++) {
      int digit = BASE58.indexOf(text.charAt(i));
      if (digit < 0) {
        throw new IllegalArgumentException("not base58btc: '" + text.charAt(i) + "' in " + text);
      }
      if (value.signum() == 0 && digit == 0) {
        leadingZeros++;
      }
      value = value.multiply(radix).add(BigInteger.valueOf(digit));
    }
    byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
    int skip = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
    byte[] out = new byte[leadingZeros + magnitude.length - skip];
    System.arraycopy(magnitude, skip, out, leadingZeros, magnitude.length - skip);
    return out;
  }
}
