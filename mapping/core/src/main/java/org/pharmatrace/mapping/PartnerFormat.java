package org.pharmatrace.mapping;

/** The partner formats the hub maps to EPCIS, with the names the command line and configuration use. */
public enum PartnerFormat {
    X12_856("x12-856"),
    EDIFACT_DESADV("edifact-desadv"),
    HL7_DISPENSE("hl7"),
    SERIAL_CSV("serial-csv");

    private final String cliName;

    PartnerFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static PartnerFormat fromCliName(String name) {
        for (PartnerFormat f : values()) {
            if (f.cliName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown partner format '" + name + "': use x12-856, edifact-desadv, hl7 or serial-csv");
    }
}
