package org.pharmatrace.connectors.fabric;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Fabric gateway connection per organisation the hub submits for, each signing with that organisation's
 * identity over its own TLS gRPC channel. Closing it closes every gateway and shuts every channel down.
 */
public final class LedgerGateway implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerGateway.class);
  private static final Duration CHANNEL_SHUTDOWN_GRACE = Duration.ofSeconds(5);

  /** An organisation's open connection; {@code channel} is null when the gateway was handed over already built. */
  record Connection(FabricGatewaySettings settings, Gateway gateway, ManagedChannel channel) {
  }

  private final Map<String, Connection> connections;

  LedgerGateway(Map<String, Connection> connections) {
    this.connections = Collections.unmodifiableMap(new LinkedHashMap<>(connections));
  }

  /** Every organisation through the same gateway peer. */
  public static LedgerGateway connect(FabricGatewaySettings settings, Collection<OrganisationIdentity> organisations)
      throws IOException, GeneralSecurityException {
    Map<OrganisationIdentity, FabricGatewaySettings> each = new LinkedHashMap<>();
    organisations.forEach(organisation -> each.put(organisation, settings));
    return connect(each);
  }

  /** Each organisation through its own gateway peer (usually one of its own peers). */
  public static LedgerGateway connect(Map<OrganisationIdentity, FabricGatewaySettings> organisations)
      throws IOException, GeneralSecurityException {
    Map<String, Connection> opened = new LinkedHashMap<>();
    try {
      for (Map.Entry<OrganisationIdentity, FabricGatewaySettings> entry : organisations.entrySet()) {
        OrganisationIdentity organisation = entry.getKey();
        if (opened.containsKey(organisation.mspId())) {
          throw new IllegalArgumentException(organisation.mspId() + " is configured twice");
        }
        opened.put(organisation.mspId(), open(organisation, entry.getValue()));
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      new LedgerGateway(opened).close();
      throw e;
    }
    return new LedgerGateway(opened);
  }

  private static Connection open(OrganisationIdentity organisation, FabricGatewaySettings settings)
      throws IOException, GeneralSecurityException {
    ChannelCredentials tls = TlsChannelCredentials.newBuilder()
        .trustManager(settings.tlsCaCertificate().toFile())
        .build();
    ManagedChannelBuilder<?> channelBuilder = Grpc.newChannelBuilder(settings.peerEndpoint(), tls);
    if (settings.serverNameOverride() != null && !settings.serverNameOverride().isBlank()) {
      channelBuilder.overrideAuthority(settings.serverNameOverride());
    }
    ManagedChannel channel = channelBuilder.build();
    try {
      Gateway gateway = Gateway.newInstance()
          .identity(organisation.identity())
          .signer(organisation.signer())
          .connection(channel)
          .evaluateOptions(deadline(settings.evaluateTimeout()))
          .endorseOptions(deadline(settings.endorseTimeout()))
          .submitOptions(deadline(settings.submitTimeout()))
          .commitStatusOptions(deadline(settings.commitStatusTimeout()))
          .connect();
      return new Connection(settings, gateway, channel);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      channel.shutdownNow();
      throw e;
    }
  }

  private static CallOption deadline(Duration timeout) {
    return CallOption.deadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The MSP ids this gateway can sign for. */
  public Set<String> organisations() {
    return connections.keySet();
  }

  /** The channel as seen by the organisation. */
  public Network network(String mspId) {
    Connection connection = connection(mspId);
    return connection.gateway().getNetwork(connection.settings().channel());
  }

  /** The traceability chaincode as invoked by the organisation. */
  public Contract contract(String mspId) {
    return network(mspId).getContract(chaincode(mspId));
  }

  /** The chaincode name configured for the organisation (chaincode events are requested by it). */
  public String chaincode(String mspId) {
    return connection(mspId).settings().chaincode();
  }

  /** The organisation's gateway, for what this class does not wrap (block events, evaluate with options). */
  public Gateway gateway(String mspId) {
    return connection(mspId).gateway();
  }

  /** The gRPC channels still owned, for tests of the shutdown. */
  List<ManagedChannel> channels() {
    return connections.values().stream().map(Connection::channel).filter(Objects::nonNull).toList();
  }

  private Connection connection(String mspId) {
    Connection connection = connections.get(mspId);
    if (connection == null) {
      throw new IllegalArgumentException("no ledger identity for organisation " + mspId + "; configured: "
          + connections.keySet());
    }
    return connection;
  }

  @Override
  public void close() {
    for (Map.Entry<String, Connection> entry : connections.entrySet()) {
      Connection connection = entry.getValue();
      try {
        connection.gateway().close();
      } catch (RuntimeException e) {
        LOG.warn("closing the gateway of {} failed", entry.getKey(), e);
      }
      if (connection.channel() != null) {
        shutDown(entry.getKey(), connection.channel());
      }
    }
  }

  private static void shutDown(String mspId, ManagedChannel channel) {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(CHANNEL_SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("gRPC channel of {} did not terminate within {}; forcing it", mspId, CHANNEL_SHUTDOWN_GRACE);
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
