package org.pharmatrace.hub.channel.as2;

import java.security.PrivateKey;
import java.security.cert.Certificate;
import org.apache.camel.component.as2.AS2Component;
import org.apache.camel.component.as2.AS2Configuration;
import org.pharmatrace.hub.partner.PartnerDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the AS2 channel when {@code hub.channels.as2.enabled} is true. The key material is registered under the
 * names the camel-as2 endpoint URIs refer to ({@code #as2PrivateKey}, {@code #as2CertificateChain}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(As2ChannelProperties.class)
@ConditionalOnProperty(name = "hub.channels.as2.enabled", havingValue = "true")
public class As2ChannelConfiguration {

    /**
     * The human-readable part of our MDNs: the disposition, then what the hub made of the message (the outcome
     * the receiving steps leave on the request, see {@link As2Outcome}).
     */
    static final String MDN_TEMPLATE = String.join("\r\n", // CRLF: the MDN is signed as canonical MIME text
            "MDN for -",
            "  Message ID: $!requestHeaders[\"Message-ID\"]$!requestHeaders[\"Message-Id\"]",
            "  From: $!requestHeaders[\"AS2-From\"]",
            "  To: $!requestHeaders[\"AS2-To\"]",
            "  Received on: $!responseHeaders[\"Date\"]",
            " Status: $dispositionType#if($dispositionModifier)/$dispositionModifier#end",
            " Outcome: $!requestHeaders[\"" + As2Outcome.HEADER + "\"]",
            "");

    @Bean
    As2Partners as2Partners(As2ChannelProperties properties, PartnerDirectory directory) {
        return new As2Partners(properties, directory);
    }

    @Bean
    PrivateKey as2PrivateKey(As2Partners partners) {
        return partners.privateKey();
    }

    @Bean
    Certificate[] as2CertificateChain(As2Partners partners) {
        return partners.certificateChain();
    }

    /** The {@code as2} component, with our MDN text (an option too rich for an endpoint URI). */
    @Bean("as2")
    AS2Component as2Component() {
        AS2Configuration configuration = new AS2Configuration();
        configuration.setMdnMessageTemplate(MDN_TEMPLATE);
        AS2Component component = new AS2Component();
        component.setConfiguration(configuration);
        return component;
    }
}
