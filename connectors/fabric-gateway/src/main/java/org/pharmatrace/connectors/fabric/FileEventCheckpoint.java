package org.pharmatrace.connectors.fabric;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.Checkpointer;

/**
 * The reader's position, kept in a small file: the block of the last event handled and its transaction id, or just
 * the next block to read. Each checkpoint is written to a sibling file, forced to disk and moved over the previous
 * one, so a crash leaves either the old position or the new one, never a torn file. (fabric-gateway's own
 * {@code FileCheckpointer} rewrites the file in place, and a torn file would lose the position.)
 *
 * <p>File content: {@code {"blockNumber":12,"transactionId":"ab12…"}} ({@code transactionId} absent after a block).
 */
public final class FileEventCheckpoint implements Checkpointer {

  private static final Pattern BLOCK = Pattern.compile("\"blockNumber\"\\s*:\\s*(\\d+)");
  private static final Pattern TRANSACTION = Pattern.compile("\"transactionId\"\\s*:\\s*\"([0-9A-Za-z_-]*)\"");
  private static final Pattern TRANSACTION_ID = Pattern.compile("[0-9A-Za-z_-]+");

  private final Path file;
  private OptionalLong blockNumber = OptionalLong.empty();
  private String transactionId;

  /**
   * The checkpoint kept in {@code file}; empty when the file does not exist yet.
   *
   * @throws IOException when the file exists but is not a checkpoint: starting over could skip or repeat events
   */
  public FileEventCheckpoint(Path file) throws IOException {
    this.file = file.toAbsolutePath();
    if (Files.exists(this.file)) {
      String text = Files.readString(this.file, StandardCharsets.UTF_8);
      Matcher block = BLOCK.matcher(text);
      if (!block.find()) {
        throw new IOException(file + " is not an event checkpoint (no blockNumber): " + text);
      }
      blockNumber = OptionalLong.of(Long.parseLong(block.group(1)));
      Matcher transaction = TRANSACTION.matcher(text);
      transactionId = transaction.find() && !transaction.group(1).isEmpty() ? transaction.group(1) : null;
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void checkpointBlock(long blockNumber) throws IOException {
    checkpointTransaction(blockNumber + 1, null);
  }

  @Override
  public synchronized void checkpointTransaction(long blockNumber, String transactionId) throws IOException {
    if (blockNumber < 0) {
      throw new IllegalArgumentException("block numbers are not negative");
    }
    if (transactionId != null && !TRANSACTION_ID.matcher(transactionId).matches()) {
      throw new IllegalArgumentException("not a transaction id: " + transactionId);
    }
    String json = "{\"blockNumber\":" + blockNumber
        + (transactionId == null ? "" : ",\"transactionId\":\"" + transactionId + "\"") + "}\n";
    write(json);
    this.blockNumber = OptionalLong.of(blockNumber);
    this.transactionId = transactionId;
  }

  @Override
  public void checkpointChaincodeEvent(ChaincodeEvent event) throws IOException {
    checkpointTransaction(event.getBlockNumber(), event.getTransactionId());
  }

  @Override
  public synchronized OptionalLong getBlockNumber() {
    return blockNumber;
  }

  @Override
  public synchronized Optional<String> getTransactionId() {
    return Optional.ofNullable(transactionId);
  }

  private void write(String json) throws IOException {
    Path directory = file.getParent();
    Files.createDirectories(directory);
    Path next = directory.resolve(file.getFileName() + ".next");
    try (FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer bytes = ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    try {
      Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot replace " + file + " atomically on this file system", e);
    }
  }
}
