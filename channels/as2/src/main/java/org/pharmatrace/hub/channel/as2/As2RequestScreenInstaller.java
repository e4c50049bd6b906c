package org.pharmatrace.hub.channel.as2;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<String, HttpRequestHandler> consumers = new ConcurrentHashMap<>();

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
        consumers.put(route.getRouteId(), consumer);
        HttpRequestHandler receiver = consumers.get(As2Routes.RECEIVE_ROUTE);
        if (receiver == null) {
            // the decrypting consumer is not up yet; the screen goes in when it is
            return;
        }
        As2RequestScreen screen = new As2RequestScreen(receiver, consumers.get(As2Routes.RECEIVE_UNENCRYPTED_ROUTE),
                partners, producer);
        // both paths are screened: a partner posting to the unencrypted consumer's path directly is held to its
        // profile all the same
        endpoint.getAS2ServerConnection().listen("/", screen);
        endpoint.getAS2ServerConnection().listen(As2RequestScreen.UNENCRYPTED_PATH, screen);
        LOG.info("AS2 server on port {} screens messages against the profiles of {} partners",
                endpoint.getConfiguration().getServerPortNumber(), partners.count());
    }
}
