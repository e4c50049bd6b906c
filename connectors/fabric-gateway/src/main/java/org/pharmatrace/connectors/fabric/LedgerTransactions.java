package org.pharmatrace.connectors.fabric;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.StatusRuntimeException;
import java.util.function.Function;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockchainInfo;

/**
 * Questions about the channel itself, answered by the peers' query system chaincode ({@code qscc}): the block that
 * holds a transaction (for events found on the ledger already, whose recording transaction {@code getEvent} names)
 * and the height of the chain (for health).
 */
public final class LedgerTransactions {

  private static final String QSCC = "qscc";

  private final Function<String, Network> networks;

  public LedgerTransactions(LedgerGateway gateway) {
    this(gateway::network);
  }

  LedgerTransactions(Function<String, Network> networks) {
    this.networks = networks;
  }

  /** The number of the block that holds the transaction, asked as the organisation. */
  public long blockOf(String organisation, String transactionId) throws LedgerFailure {
    Network network = networks.apply(organisation);
    byte[] block = ask(organisation, network, "GetBlockByTxID", network.getName(), transactionId);
    try {
      return Block.parseFrom(block).getHeader().getNumber();
    } catch (InvalidProtocolBufferException e) {
      throw new LedgerFailure(organisation, "qscc answered GetBlockByTxID " + transactionId + " with no block", null,
          1, false, e);
    }
  }

  /** How many blocks the organisation's gateway peer has (the next block's number). */
  public long height(String organisation) throws LedgerFailure {
    Network network = networks.apply(organisation);
    byte[] info = ask(organisation, network, "GetChainInfo", network.getName());
    try {
      return BlockchainInfo.parseFrom(info).getHeight();
    } catch (InvalidProtocolBufferException e) {
      throw new LedgerFailure(organisation, "qscc answered GetChainInfo with no chain information", null, 1, false,
          e);
    }
  }

  private static byte[] ask(String organisation, Network network, String function, String... arguments)
      throws LedgerFailure {
    try {
      return network.getContract(QSCC).evaluateTransaction(function, arguments);
    } catch (GatewayException | GatewayRuntimeException | StatusRuntimeException e) {
      FailureClassification failure = FailureClassification.of(e);
      throw new LedgerFailure(organisation, "qscc " + function + " could not be answered: " + failure.reason(), null,
          1, failure.verdict() == FailureClassification.Verdict.RETRY, e);
    }
  }
}
