package org.pharmatrace.chaincode;

import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.hyperledger.fabric.shim.NettyChaincodeServer;

/**
 * Runs the contract as a chaincode server (chaincode-as-a-service): the peer connects to us. Configured by
 * environment, see {@link ChaincodeServerSettings}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        ChaincodeServerSettings settings = ChaincodeServerSettings.fromEnvironment(System.getenv());
        // The router takes the chaincode id from CORE_CHAINCODE_ID_NAME or -i; CHAINCODE_ID reaches it through -i.
        ContractRouter router = new ContractRouter(new String[] {"-i", settings.chaincodeId()});
        ChaincodeServer server = new NettyChaincodeServer(router, settings.toServerProperties());
        router.startRouterWithChaincodeServer(server);
    }
}
