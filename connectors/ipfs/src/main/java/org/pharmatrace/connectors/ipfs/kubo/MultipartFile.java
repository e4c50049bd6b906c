package org.pharmatrace.connectors.ipfs.kubo;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A multipart/form-data body holding one file, streamed from disk: the bytes are never all in memory, and each
 * retry re-reads the file from its start.
 */
final class MultipartFile {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String boundary;
  private final BodyPublisher body;

  MultipartFile(Path file) throws FileNotFoundException {
    byte[] token = new byte[16];
    RANDOM.nextBytes(token);
    boundary = "pharmatrace-" + HexFormat.of().formatHex(token);
    byte[] head = ("--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename=\"blob\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    body = BodyPublishers.concat(BodyPublishers.ofByteArray(head), BodyPublishers.ofFile(file),
        BodyPublishers.ofByteArray(tail));
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  BodyPublisher body() {
    return body;
  }
}
