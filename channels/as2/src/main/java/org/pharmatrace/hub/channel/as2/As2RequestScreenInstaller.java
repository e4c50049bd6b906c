package org.pharmatrace.hub.channel.as2;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.component.as2.AS2Endpoint;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link As2RequestScreen} in front of the camel-as2 consumer whenever the receiving route (re)starts:
 * the consumer registers itself as the handler of its URI on the shared AS2 server, the screen takes its place and
 * hands over what passes.
 */
@Component
@ConditionalOnProperty(name = "hub.channels.as2.enabled", havingValue = "true")
public class As2RequestScreenInstaller extends RoutePolicySupport {

    private static final Logger LOG = LoggerFactory.getLogger(As2RequestScreenInstaller.class);

    private final As2Partners partners;
    private final ProducerTemplate producer;

    public As2RequestScreenInstaller(As2Partners partners, ProducerTemplate producer) {
        this.partners = partners;
        this.producer = producer;
    }

    @Override
    public void onStart(Route route) {
        if (!(route.getConsumer() instanceof HttpRequestHandler consumer)
                || !(route.getEndpoint() instanceof AS2Endpoint endpoint)) {
            throw new IllegalStateException("route " + route.getRouteId() + " is not an AS2 server route");
        }
        endpoint.getAS2ServerConnection().listen("/", new As2RequestScreen(consumer, partners, producer));
        LOG.info("AS2 server on port {} screens messages against the profiles of {} partners",
                endpoint.getConfiguration().getServerPortNumber(), partners.count());
    }
}
