package org.pharmatrace.connectors.fabric;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how an organisation reaches the ledger: the gateway peer (TLS, trusted through the peer organisation's
 * TLS CA), the channel and the chaincode, and how long each gRPC call may take.
 *
 * @param serverNameOverride the host name the peer's TLS certificate was issued for, when the endpoint address differs
 *     (e.g. {@code peer0.org1.example.com} reached through {@code localhost:7051}); null to use the endpoint's host
 * @param commitStatusTimeout how long one wait for the commit status may take; a few block intervals at least
 */
public record FabricGatewaySettings(String peerEndpoint, Path tlsCaCertificate, String serverNameOverride,
                                    String channel, String chaincode, Duration evaluateTimeout,
                                    Duration endorseTimeout, Duration submitTimeout, Duration commitStatusTimeout) {

  /** Timeouts as in the Fabric gateway samples: evaluate 5 s, endorse 15 s, submit 5 s, commit status 1 min. */
  public static FabricGatewaySettings of(String peerEndpoint, Path tlsCaCertificate, String serverNameOverride,
                                         String channel, String chaincode) {
    return new FabricGatewaySettings(peerEndpoint, tlsCaCertificate, serverNameOverride, channel, chaincode,
        Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofMinutes(1));
  }

  public FabricGatewaySettings {
    requireText(peerEndpoint, "peerEndpoint");
    requireText(channel, "channel");
    requireText(chaincode, "chaincode");
    if (tlsCaCertificate == null) {
      throw new IllegalArgumentException("tlsCaCertificate is required: the gateway is only reached over TLS");
    }
    requirePositive(evaluateTimeout, "evaluateTimeout");
    requirePositive(endorseTimeout, "endorseTimeout");
    requirePositive(submitTimeout, "submitTimeout");
    requirePositive(commitStatusTimeout, "commitStatusTimeout");
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration");
    }
  }
}
