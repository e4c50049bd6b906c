package org.pharmatrace.chaincode.state;

/** Which organisation owns a GS1 company prefix, i.e. may commission GTINs and SSCCs under it. */
public record CompanyPrefixRecord(String companyPrefix, String mspId, String registeredBy, String txId) {
}
