package org.pharmatrace.connectors.ipfs.envelope;

/** What sealing a blob produced: the key it is wrapped under, the plaintext's size and SHA-256, the envelope size. */
public record SealedBlob(String keyId, long plaintextSize, String plaintextSha256, long envelopeSize) {
}
