package org.pharmatrace.mapping.hl7;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stable stand-in for a patient that lets dispenses to the same patient be related without saying who it is:
 * HMAC-SHA256, keyed with a hub secret, over the assigning authority and the patient identifier (PID-3). Without the
 * key the pseudonym cannot be reversed or recomputed from a list of identifiers.
 */
final class PatientPseudonym {

    static final int MIN_KEY_LENGTH = 32;

    private final SecretKeySpec key;

    PatientPseudonym(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * The pseudonym of the medical record number (identifier type MR) among PID-3's repetitions, else of the first
     * identifier; null when PID-3 is empty.
     */
    String of(List<RdsReader.PatientIdentifier> identifiers) {
        RdsReader.PatientIdentifier chosen = null;
        for (RdsReader.PatientIdentifier id : identifiers) {
            if (!id.id().isEmpty() && (chosen == null || ("MR".equalsIgnoreCase(id.type()) && !"MR".equalsIgnoreCase(chosen.type())))) {
                chosen = id;
            }
        }
        if (chosen == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((chosen.authority() + "\u001F" + chosen.id()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
