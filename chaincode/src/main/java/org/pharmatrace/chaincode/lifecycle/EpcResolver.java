package org.pharmatrace.chaincode.lifecycle;

import java.util.HashMap;
import java.util.Map;
import org.pharmatrace.chaincode.TraceabilityLedger;
import org.pharmatrace.chaincode.state.CompanyPrefixRecord;
import org.pharmatrace.gs1.CompanyPrefixLengths;
import org.pharmatrace.gs1.Gs1IdentifierException;
import org.pharmatrace.gs1.Gs1Key;
import org.pharmatrace.gs1.Gs1KeyType;

/**
 * Gives every SGTIN and SSCC one key whatever form it arrives in (EPC URN or GS1 Digital Link), and finds the
 * organisation that owns its company prefix. The company prefix length, which the URN needs and a Digital Link does
 * not carry, comes from the on-ledger company prefix registry: the registered prefix the key starts with. GS1
 * company prefixes are prefix-free and the registry refuses overlapping ones, so at most one can match.
 */
public final class EpcResolver {

    private static final int MIN_PREFIX = 6;
    private static final int MAX_PREFIX = 12;
    /** Both SGTIN (indicator digit) and SSCC (extension digit) start their company prefix at the second digit. */
    private static final int PREFIX_OFFSET = 1;

    private final TraceabilityLedger ledger;
    private final Map<String, CompanyPrefixRecord> prefixes = new HashMap<>();

    public EpcResolver(TraceabilityLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * The item identifier, or {@code null} for anything that is not an SGTIN or SSCC (class-level keys, locations,
     * returnable assets, non-GS1 URIs): the ledger does not track those.
     *
     * @throws IllegalArgumentException when the value claims to be a GS1 key but breaks its rules
     */
    public Epc resolve(String uri) {
        if (uri == null || !Gs1Key.isGs1Uri(uri)) {
            return null;
        }
        Gs1Key key;
        try {
            key = Gs1Key.parse(uri, CompanyPrefixLengths.none());
        } catch (Gs1IdentifierException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (key.type() != Gs1KeyType.SGTIN && key.type() != Gs1KeyType.SSCC) {
            return null;
        }
        return resolve(key, uri);
    }

    /** The SGTIN of a GTIN and serial, as {@code verify} receives them. */
    public Epc sgtin(String gtin14, String serial) {
        try {
            return resolve(Gs1Key.sgtin(gtin14, serial, 0), "(01)" + gtin14 + "(21)" + serial);
        } catch (Gs1IdentifierException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The registry key of a party or location identifier: PGLN and SGLN as their canonical Digital Link (which,
     * unlike the URN, does not depend on the company prefix length); anything else trimmed, as given.
     */
    public static String partyKey(String party) {
        String trimmed = party.trim();
        if (Gs1Key.isGs1Uri(trimmed)) {
            try {
                Gs1Key key = Gs1Key.parse(trimmed, CompanyPrefixLengths.none());
                if (key.type() == Gs1KeyType.PGLN || key.type() == Gs1KeyType.SGLN) {
                    return key.toDigitalLink();
                }
            } catch (Gs1IdentifierException e) {
                return trimmed;
            }
        }
        return trimmed;
    }

    /**
     * A GTIN as 14 digits with a valid check digit; GTIN-8, -12 and -13 are left-padded with zeros.
     *
     * @throws IllegalArgumentException when it is not a GTIN
     */
    public static String gtin14(String gtin) {
        String digits = gtin == null ? "" : gtin.trim();
        if (!digits.matches("\\d{8}|\\d{12,14}")) {
            throw new IllegalArgumentException("'" + gtin + "' is not a GTIN (8, 12, 13 or 14 digits)");
        }
        String padded = "0".repeat(14 - digits.length()) + digits;
        try {
            return Gs1Key.gtin(padded, 0).gtin();
        } catch (Gs1IdentifierException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private Epc resolve(Gs1Key parsed, String given) {
        Gs1Key key = parsed;
        String digits = key.gs1KeyValue();
        CompanyPrefixRecord registered = null;
        for (int length = MAX_PREFIX; length >= MIN_PREFIX && registered == null; length--) {
            registered = registeredPrefix(digits.substring(PREFIX_OFFSET, PREFIX_OFFSET + length));
            if (registered != null) {
                key = key.withCompanyPrefixLength(length);
            }
        }
        if (key.companyPrefixLength() == 0) {
            key = key.withCompanyPrefixLengths(CompanyPrefixLengths.defaults());
        }
        String canonical = key.companyPrefixLength() > 0 ? key.toEpcUri() : key.toDigitalLink();
        boolean container = key.type() == Gs1KeyType.SSCC;
        return new Epc(canonical, given, container, key.gtin(), key.serial(), key.companyPrefix(),
                registered == null ? null : registered.mspId());
    }

    private CompanyPrefixRecord registeredPrefix(String prefix) {
        // A miss is remembered too: a batch of one product asks for the same seven prefixes once.
        if (!prefixes.containsKey(prefix)) {
            prefixes.put(prefix, ledger.companyPrefix(prefix));
        }
        return prefixes.get(prefix);
    }
}
