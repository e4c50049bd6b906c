package org.pharmatrace.connectors.ipfs.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobEncryptorTest {

  /** Small segments so that a few dozen bytes exercise the segment boundaries. */
  private static final int SEGMENT = 16;
  private static final int TAG = 16;

  @TempDir
  Path directory;

  private KeystoreKeyWrapper keys;
  private BlobEncryptor encryptor;

  @BeforeEach
  void keys() throws Exception {
    keys = KeystoreFixture.wrapper(directory, "hub-kek-1");
    encryptor = new BlobEncryptor(keys, SEGMENT, new SecureRandom());
  }

  @Nested
  class RoundTrip {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 * SEGMENT, 3 * SEGMENT + 5})
    void whenABlobIsSealedThenOpeningGivesItBack(int size) throws Exception {
      byte[] plaintext = pattern(size);

      byte[] envelope = seal(plaintext);

      assertThat(open(envelope)).isEqualTo(plaintext);
      int segments = Math.max(1, (size + SEGMENT - 1) / SEGMENT);
      assertThat(envelope).hasSize(headerLength(envelope) + size + segments * TAG);
    }

    @Test
    void whenABlobIsSealedThenTheReceiptDescribesThePlaintext() throws Exception {
      byte[] plaintext = "dispense record of lot L-42".getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream envelope = new ByteArrayOutputStream();

      SealedBlob sealed = encryptor.encrypt(new ByteArrayInputStream(plaintext), envelope);

      assertThat(sealed.keyId()).isEqualTo("hub-kek-1");
      assertThat(sealed.plaintextSize()).isEqualTo(plaintext.length);
      assertThat(sealed.plaintextSha256())
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plaintext)));
      assertThat(sealed.envelopeSize()).isEqualTo(envelope.size());
    }

    @Test
    void whenTheDefaultSegmentSizeIsUsedThenLargeBlobsRoundTrip() throws Exception {
      BlobEncryptor defaults = new BlobEncryptor(keys);
      byte[] plaintext = pattern(3 * BlobEncryptor.DEFAULT_SEGMENT_SIZE + 7);
      ByteArrayOutputStream envelope = new ByteArrayOutputStream();
      defaults.encrypt(new ByteArrayInputStream(plaintext), envelope);

      assertThat(defaults.decrypt(new ByteArrayInputStream(envelope.toByteArray())).readAllBytes())
          .isEqualTo(plaintext);
    }

    @Test
    void whenTheSameBlobIsSealedTwiceThenTheEnvelopesShareNothing() throws Exception {
      byte[] plaintext = pattern(40);

      byte[] first = seal(plaintext);
      byte[] second = seal(plaintext);

      assertThat(first).isNotEqualTo(second);
      assertThat(Arrays.copyOfRange(first, first.length - 40, first.length))
          .isNotEqualTo(Arrays.copyOfRange(second, second.length - 40, second.length));
    }

    @Test
    void whenABlobIsSealedThenTheEnvelopeDoesNotContainThePlaintext() throws Exception {
      byte[] plaintext = "SERIAL=(21)AB12CD34;".repeat(10).getBytes(StandardCharsets.US_ASCII);

      String envelope = new String(seal(plaintext), StandardCharsets.ISO_8859_1);

      assertThat(envelope).doesNotContain("SERIAL").doesNotContain("AB12CD34");
    }
  }

  @Nested
  class Header {

    @Test
    void whenTheHeaderIsReadThenItNamesKeySegmentSizeAndWrapping() throws Exception {
      byte[] envelope = seal(pattern(5));

      EnvelopeHeader header = BlobEncryptor.readHeader(new ByteArrayInputStream(envelope));

      assertThat(header.segmentSize()).isEqualTo(SEGMENT);
      assertThat(header.wrappedKey().keyId()).isEqualTo("hub-kek-1");
      assertThat(header.wrappedKey().algorithm()).isEqualTo("AES-KW");
      assertThat(header.wrappedKey().bytes()).hasSize(40);
      assertThat(header.baseNonce()).hasSize(12);
      assertThat(Arrays.copyOf(envelope, 6)).containsExactly('P', 'T', 'B', 'E', 1, 1);
    }

    @Test
    void whenTheMagicIsWrongThenItIsNoEnvelope() {
      byte[] notAnEnvelope = "%PDF-1.7 an unencrypted attachment".getBytes(StandardCharsets.US_ASCII);

      assertThatThrownBy(() -> open(notAnEnvelope)).isInstanceOf(EnvelopeException.class)
          .hasMessageContaining("not a hub blob envelope");
    }

    @Test
    void whenTheVersionIsUnknownThenTheReaderSaysSo() throws Exception {
      byte[] envelope = seal(pattern(5));
      envelope[4] = 2;

      assertThatThrownBy(() -> open(envelope)).isInstanceOf(EnvelopeException.class)
          .hasMessageContaining("version 2 is not supported");
    }

    @Test
    void whenTheEnvelopeEndsInsideTheHeaderThenItIsTruncated() throws Exception {
      byte[] envelope = seal(pattern(5));

      assertThatThrownBy(() -> open(Arrays.copyOf(envelope, 20))).isInstanceOf(EnvelopeException.class)
          .hasMessageContaining("truncated inside its header");
    }
  }

  @Nested
  class Tampering {

    @Test
    void whenACiphertextBitFlipsThenOpeningFails() throws Exception {
      byte[] envelope = seal(pattern(40));
      envelope[headerLength(envelope) + SEGMENT + TAG + 3] ^= 1;

      assertThatThrownBy(() -> open(envelope)).isInstanceOf(EnvelopeException.class)
          .hasMessageContaining("segment 1 failed authentication");
    }

    @Test
    void whenATagBitFlipsThenOpeningFails() throws Exception {
      byte[] envelope = seal(pattern(40));
      envelope[envelope.length - 1] ^= 1;

      assertThatThrownBy(() -> open(envelope)).isInstanceOf(EnvelopeException.class);
    }

    @Test
    void whenTheNonceIsChangedThenOpeningFails() throws Exception {
      byte[] envelope = seal(pattern(40));
      envelope[headerLength(envelope) - 1] ^= 1;

      assertThatThrownBy(() -> open(envelope)).isInstanceOf(EnvelopeException.class)
          .hasMessageContaining("failed authentication");
    }

    @Test
    void whenTheWrappedKeyIsChangedThenItDoesNotUnwrap() throws Exception {
      byte[] envelope = seal(pattern(40));
      envelope[headerLength(envelope) - 12 - 1] ^= 1;

      assertThatThrownBy(() -> open(envelope)).isInstanceOf(EnvelopeException.class)
          .hasMessageContaining("cannot unwrap the blob's data key");
    }

    @Test
    void whenTheLastSegmentIsDroppedThenOpeningFails() throws Exception {
      byte[] envelope = seal(pattern(3 * SEGMENT + 5));
      byte[] truncated = Arrays.copyOf(envelope, headerLength(envelope) + 3 * (SEGMENT + TAG));

      assertThatThrownBy(() -> open(truncated)).isInstanceOf(EnvelopeException.class)
          .hasMessageContaining("segment 2 failed authentication");
    }

    @Test
    void whenBytesAreAppendedThenOpeningFails() throws Exception {
      byte[] envelope = seal(pattern(SEGMENT));
      byte[] extended = Arrays.copyOf(envelope, envelope.length + TAG);

      assertThatThrownBy(() -> open(extended)).isInstanceOf(EnvelopeException.class);
    }

    @Test
    void whenSegmentsAreSwappedThenOpeningFails() throws Exception {
      byte[] envelope = seal(pattern(3 * SEGMENT));
      int first = headerLength(envelope);
      byte[] swapped = envelope.clone();
      System.arraycopy(envelope, first, swapped, first + SEGMENT + TAG, SEGMENT + TAG);
      System.arraycopy(envelope, first + SEGMENT + TAG, swapped, first, SEGMENT + TAG);

      assertThatThrownBy(() -> open(swapped)).isInstanceOf(EnvelopeException.class)
          .hasMessageContaining("segment 0 failed authentication");
    }

    @Test
    void whenTheEnvelopeEndsAfterTheHeaderThenItIsTruncated() throws Exception {
      byte[] envelope = seal(pattern(5));

      assertThatThrownBy(() -> open(Arrays.copyOf(envelope, headerLength(envelope))))
          .isInstanceOf(EnvelopeException.class).hasMessageContaining("shorter than its tag");
    }

    @Test
    void whenTheSegmentSizeInTheHeaderIsChangedThenOpeningFails() throws Exception {
      byte[] envelope = seal(pattern(40));
      envelope[9] = 8;

      assertThatThrownBy(() -> open(envelope)).isInstanceOf(EnvelopeException.class)
          .hasMessageContaining("failed authentication");
    }
  }

  @Nested
  class WrongKey {

    @Test
    void whenTheKeystoreHoldsAnotherKeyUnderTheSameIdThenOpeningFails() throws Exception {
      byte[] envelope = seal(pattern(40));
      BlobEncryptor impostor = new BlobEncryptor(KeystoreFixture.wrapper(directory, "hub-kek-1"));

      assertThatThrownBy(() -> impostor.decrypt(new ByteArrayInputStream(envelope)).readAllBytes())
          .isInstanceOf(EnvelopeException.class).hasMessageContaining("does not unwrap");
    }

    @Test
    void whenTheKeystoreLacksTheEnvelopesKeyThenOpeningNamesIt() throws Exception {
      byte[] envelope = seal(pattern(40));
      BlobEncryptor other = new BlobEncryptor(KeystoreFixture.wrapper(directory, "partner-kek"));

      assertThatThrownBy(() -> other.decrypt(new ByteArrayInputStream(envelope)))
          .isInstanceOf(EnvelopeException.class).hasMessageContaining("no key-encryption key 'hub-kek-1'");
    }
  }

  private byte[] seal(byte[] plaintext) throws IOException {
    ByteArrayOutputStream envelope = new ByteArrayOutputStream();
    encryptor.encrypt(new ByteArrayInputStream(plaintext), envelope);
    return envelope.toByteArray();
  }

  private byte[] open(byte[] envelope) throws IOException {
    try (InputStream plaintext = encryptor.decrypt(new ByteArrayInputStream(envelope))) {
      return plaintext.readAllBytes();
    }
  }

  /** magic..suite (6) + segment size (4) + key id + algorithm + wrapped key + nonce (12). */
  private static int headerLength(byte[] envelope) {
    ByteBuffer in = ByteBuffer.wrap(envelope);
    in.position(10);
    int keyId = Short.toUnsignedInt(in.getShort());
    in.position(in.position() + keyId);
    int algorithm = Byte.toUnsignedInt(in.get());
    in.position(in.position() + algorithm);
    int wrapped = Short.toUnsignedInt(in.getShort());
    return in.position() + wrapped + 12;
  }

  private static byte[] pattern(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 7 + 3);
    }
    return bytes;
  }
}
