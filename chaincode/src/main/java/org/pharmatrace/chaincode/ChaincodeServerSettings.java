package org.pharmatrace.chaincode;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;

/**
 * How the chaincode server listens, from the environment the chaincode-as-a-service container gets (the variable
 * names the Fabric samples use):
 * <ul>
 *   <li>{@code CHAINCODE_SERVER_ADDRESS} — host:port to listen on (required)</li>
 *   <li>{@code CHAINCODE_ID}, else {@code CORE_CHAINCODE_ID_NAME} — the package id the peer knows the chaincode by
 *       (required)</li>
 *   <li>{@code CHAINCODE_TLS_DISABLED} — {@code true} (default) or {@code false}</li>
 *   <li>{@code CHAINCODE_TLS_KEY}, {@code CHAINCODE_TLS_CERT} — PEM files of the server key and certificate chain,
 *       required with TLS; {@code CHAINCODE_TLS_KEY_PASSWORD} when the key is encrypted</li>
 *   <li>{@code CHAINCODE_CLIENT_CA_CERT} — PEM of the CA that signs the peer's client certificate; when set the
 *       server requires mutual TLS</li>
 * </ul>
 */
public record ChaincodeServerSettings(String chaincodeId, InetSocketAddress address, boolean tls, String keyFile,
                                      String certFile, String keyPassword, String clientCaCertFile) {

    public static ChaincodeServerSettings fromEnvironment(Map<String, String> env) {
        String id = firstPresent(env, "CHAINCODE_ID", "CORE_CHAINCODE_ID_NAME");
        if (id == null) {
            throw new IllegalArgumentException("set CHAINCODE_ID (or CORE_CHAINCODE_ID_NAME) to the chaincode package id");
        }
        String address = firstPresent(env, "CHAINCODE_SERVER_ADDRESS");
        if (address == null) {
            throw new IllegalArgumentException("set CHAINCODE_SERVER_ADDRESS to the host:port to listen on");
        }
        boolean tls = "false".equalsIgnoreCase(firstPresent(env, "CHAINCODE_TLS_DISABLED"));
        String key = firstPresent(env, "CHAINCODE_TLS_KEY");
        String cert = firstPresent(env, "CHAINCODE_TLS_CERT");
        if (tls && (key == null || cert == null)) {
            throw new IllegalArgumentException("CHAINCODE_TLS_DISABLED=false needs CHAINCODE_TLS_KEY and CHAINCODE_TLS_CERT");
        }
        return new ChaincodeServerSettings(id, hostPort(address), tls, tls ? key : null, tls ? cert : null,
                tls ? firstPresent(env, "CHAINCODE_TLS_KEY_PASSWORD") : null,
                tls ? firstPresent(env, "CHAINCODE_CLIENT_CA_CERT") : null);
    }

    public ChaincodeServerProperties toServerProperties() {
        ChaincodeServerProperties properties = new ChaincodeServerProperties();
        properties.setServerAddress(address);
        if (tls) {
            properties.setTlsEnabled(true);
            properties.setKeyFile(keyFile);
            properties.setKeyCertChainFile(certFile);
            properties.setKeyPassword(keyPassword);
            properties.setTrustCertCollectionFile(clientCaCertFile);
        }
        return properties;
    }

    private static InetSocketAddress hostPort(String address) {
        try {
            URI uri = new URI("tcp://" + address.trim());
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("CHAINCODE_SERVER_ADDRESS '" + address + "' is not host:port");
            }
            return new InetSocketAddress(uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("CHAINCODE_SERVER_ADDRESS '" + address + "' is not host:port", e);
        }
    }

    private static String firstPresent(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
