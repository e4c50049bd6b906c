package org.pharmatrace.chaincode;

import org.hyperledger.fabric.contract.ClientIdentity;
import org.pharmatrace.chaincode.state.HubConfig;

/**
 * Who is calling, from the transaction creator's certificate, never from an argument. The MSP id is the anchor of
 * trust: attributes are issued by each organisation's own CA, so an attribute only counts inside the regulator's MSP.
 *
 * @param regulatorOrg the caller belongs to the regulator MSP stored by {@code init}: read-only for events
 * @param mayRecall a regulator identity carrying {@code role=regulator}
 * @param mayMaintainRegistries a regulator identity carrying {@code role=regulator} or {@code hub.admin=true}
 */
public record Caller(String mspId, boolean regulatorOrg, boolean mayRecall, boolean mayMaintainRegistries) {

    public static final String ROLE_ATTRIBUTE = "role";
    public static final String REGULATOR_ROLE = "regulator";
    public static final String HUB_ADMIN_ATTRIBUTE = "hub.admin";

    public static Caller of(ClientIdentity identity, HubConfig config) {
        String mspId = identity.getMSPID();
        boolean regulatorOrg = config != null && config.regulatorMspId().equals(mspId);
        boolean regulatorRole = identity.assertAttributeValue(ROLE_ATTRIBUTE, REGULATOR_ROLE);
        boolean hubAdmin = identity.assertAttributeValue(HUB_ADMIN_ATTRIBUTE, "true");
        return new Caller(mspId, regulatorOrg, regulatorOrg && regulatorRole, regulatorOrg && (regulatorRole || hubAdmin));
    }
}
