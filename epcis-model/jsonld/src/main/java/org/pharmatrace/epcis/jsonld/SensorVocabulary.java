package org.pharmatrace.epcis.jsonld;

import java.util.Set;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;

/**
 * The code lists of sensor reports. JSON-LD writes their terms bare ({@code Temperature}); XML writes them as
 * compact IRIs ({@code gs1:Temperature}); the model keeps the full IRI ({@code https://gs1.org/voc/Temperature}).
 */
enum SensorVocabulary {
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

    private final String iriPrefix;
    private final Set<String> terms;

    SensorVocabulary(String iriPrefix, Set<String> terms) {
        this.iriPrefix = iriPrefix;
        this.terms = terms;
    }

    /** The vocabulary for a sensor report attribute, or {@code null} when its values are not vocabulary terms. */
    static SensorVocabulary forAttribute(String name) {
        return switch (name) {
            case "type" -> MEASUREMENT_TYPE;
            case "exception" -> ALERT_TYPE;
            case "component" -> COMPONENT;
            default -> null;
        };
    }

    /** The model's spelling: a bare standard term as its full IRI; anything else unchanged. */
    String toIri(String value) {
        return terms.contains(value) ? iriPrefix + value : value;
    }

    /** JSON-LD's spelling: a standard term bare, whether given as full IRI or as {@code gs1:}/{@code cbv:} CURIE. */
    String toBareName(String value) {
        String iri = JsonLdContext.STANDARD.expandValue(value);
        if (iri.startsWith(iriPrefix) && terms.contains(iri.substring(iriPrefix.length()))) {
            return iri.substring(iriPrefix.length());
        }
        return value;
    }
}
