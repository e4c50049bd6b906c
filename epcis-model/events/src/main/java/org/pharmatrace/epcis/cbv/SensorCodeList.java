package org.pharmatrace.epcis.cbv;

import java.util.Set;

/**
 * The code lists of sensor reports: measurement types, alert types and coordinate components. JSON-LD writes their
 * terms bare ({@code Temperature}), XML as compact IRIs ({@code gs1:Temperature}); the model keeps the full IRI
 * ({@code https://gs1.org/voc/Temperature}), so both syntaxes give the same model.
 */
public enum SensorCodeList {
    MEASUREMENT_TYPE(EpcisNamespaces.GS1_WEB_VOCABULARY, Set.of(
            "AbsoluteHumidity", "AbsorbedDose", "AbsorbedDoseRate", "Acceleration", "Radioactivity", "Altitude",
            "AmountOfSubstance", "AmountOfSubstancePerUnitVolume", "Angle", "AngularAcceleration", "AngularMomentum",
            "AngularVelocity", "Area", "Capacitance", "Conductance", "Conductivity", "Count", "Density",
            "Dimensionless", "DoseEquivalent", "DoseEquivalentRate", "DynamicViscosity", "ElectricCharge",
            "ElectricCurrent", "ElectricCurrentDensity", "ElectricFieldStrength", "Energy", "Exposure", "Force",
            "Frequency", "Illuminance", "Inductance", "Irradiance", "KinematicViscosity", "Length", "LinearMomentum",
            "Luminance", "LuminousFlux", "LuminousIntensity", "MagneticFlux", "MagneticFluxDensity",
            "MagneticVectorPotential", "Mass", "MassConcentration", "MassFlowRate", "MassPerAreaTime",
            "MemoryCapacity", "MolalityOfSolute", "MolarEnergy", "MolarMass", "MolarVolume", "Power", "Pressure",
            "RadiantFlux", "RadiantIntensity", "RelativeHumidity", "Resistance", "Resistivity", "SolidAngle",
            "SpecificVolume", "Speed", "SurfaceDensity", "SurfaceTension", "Temperature", "Time", "Torque",
            "Voltage", "Volume", "VolumeFlowRate", "VolumeFraction", "VolumetricFlux", "Wavenumber")),
    ALERT_TYPE(EpcisNamespaces.GS1_WEB_VOCABULARY, Set.of("ALARM_CONDITION", "ERROR_CONDITION")),
    COMPONENT(CbvVocabulary.WEB_URI_BASE + "Comp-", Set.of(
            "x", "y", "z", "axial_distance", "azimuth", "height", "spherical_radius", "polar_angle",
            "elevation_angle", "easting", "northing", "latitude", "longitude", "altitude"));

    /**
     * Sensor metadata and report attributes whose values are IRIs (typed {@code @id} or {@code @vocab} in the EPCIS
     * JSON-LD context): readers expand compact IRIs in them, so the model holds full IRIs whatever the syntax.
     */
    public static final Set<String> IRI_VALUED_ATTRIBUTES = Set.of(
            "deviceID", "deviceMetadata", "rawData", "bizRules", "dataProcessingMethod", "type", "exception",
            "component", "uriValue", "chemicalSubstance", "microorganism", "coordinateReferenceSystem");

    private final String iriPrefix;
    private final Set<String> terms;

    SensorCodeList(String iriPrefix, Set<String> terms) {
        this.iriPrefix = iriPrefix;
        this.terms = terms;
    }

    /** The code list of a sensorReport attribute ({@code type}, {@code exception}, {@code component}), else null. */
    public static SensorCodeList forReportAttribute(String name) {
        return switch (name) {
            case "type" -> MEASUREMENT_TYPE;
            case "exception" -> ALERT_TYPE;
            case "component" -> COMPONENT;
            default -> null;
        };
    }

    /** The model's spelling: a bare term of this list as its full IRI; anything else unchanged. */
    public String toIri(String value) {
        return terms.contains(value) ? iriPrefix + value : value;
    }

    /** The bare term a full IRI of this list stands for, or {@code null} when it is not one of its terms. */
    public String bareName(String iri) {
        if (iri.startsWith(iriPrefix) && terms.contains(iri.substring(iriPrefix.length()))) {
            return iri.substring(iriPrefix.length());
        }
        return null;
    }
}
