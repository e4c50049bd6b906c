package org.pharmatrace.connectors.fabric;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.protobuf.Any;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.CommitExceptions;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * The failures the Fabric gateway client raises, built the way the client builds them: a gRPC status whose trailers
 * carry the gateway's {@link ErrorDetail}s (one per endorsing peer that answered).
 */
final class FabricFailures {

  static final String ABORTED_ENDORSE = "failed to endorse transaction, see attached details for more info";

  private FabricFailures() {
  }

  static ErrorDetail peer(String mspId, String address, String message) {
    return ErrorDetail.newBuilder().setMspId(mspId).setAddress(address).setMessage(message).build();
  }

  /** The chaincode's refusal as the endorsing peer reports it: {@code chaincode response 500, CODE: message}. */
  static EndorseException contractRefusal(String transactionId, String codeAndMessage) {
    return endorse(transactionId, io.grpc.Status.Code.ABORTED, ABORTED_ENDORSE,
        peer("Org1MSP", "peer0.org1.example.com:7051", "chaincode response 500, " + codeAndMessage));
  }

  static EndorseException endorse(String transactionId, io.grpc.Status.Code code, String description,
                                  ErrorDetail... details) {
    return new EndorseException(transactionId, grpc(code, description, details));
  }

  static SubmitException submit(String transactionId, io.grpc.Status.Code code, String description) {
    return new SubmitException(transactionId, grpc(code, description));
  }

  static CommitStatusException commitStatus(String transactionId, io.grpc.Status.Code code, String description) {
    return new CommitStatusException(transactionId, grpc(code, description));
  }

  static CommitException commit(String transactionId, TxValidationCode code) {
    return CommitExceptions.of(status(transactionId, 7, code));
  }

  static Status status(String transactionId, long blockNumber, TxValidationCode code) {
    Status status = mock(Status.class);
    when(status.getTransactionId()).thenReturn(transactionId);
    when(status.getBlockNumber()).thenReturn(blockNumber);
    when(status.getCode()).thenReturn(code);
    when(status.isSuccessful()).thenReturn(code == TxValidationCode.VALID);
    return status;
  }

  static StatusRuntimeException grpc(io.grpc.Status.Code code, String description, ErrorDetail... details) {
    com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
        .setCode(code.value())
        .setMessage(description);
    List.of(details).forEach(detail -> status.addDetails(Any.pack(detail)));
    return StatusProto.toStatusRuntimeException(status.build());
  }
}
