package org.pharmatrace.hub.channel.mllp;

import org.apache.camel.component.mllp.MllpComponent;
import org.pharmatrace.mapping.hl7.Hl7Acknowledgements;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The MLLP component and the HL7 acknowledgement builder of the channel. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MllpChannelProperties.class)
public class MllpChannelConfiguration {

    /**
     * camel-mllp puts message content (PHI) into its exceptions and logs unless told not to; patient data never
     * leaves the hub, so it is told.
     */
    @Bean("mllp")
    MllpComponent mllpComponent() {
        MllpComponent component = new MllpComponent();
        component.setLogPhi(false);
        component.setLogPhiMaxBytes(0);
        return component;
    }

    @Bean
    Hl7Acknowledgements hl7Acknowledgements() {
        return new Hl7Acknowledgements();
    }
}
