package org.pharmatrace.hub.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Writes HTTP answers from routes. The request's headers are dropped first: Camel would otherwise send them back
 * as response headers (Authorization included).
 */
@Component
public class HttpAnswers {

    public static final String JSON = "application/json";

    private final ObjectMapper json;

    public HttpAnswers(ObjectMapper json) {
        this.json = json;
    }

    public void json(Exchange exchange, int status, Object body) {
        write(exchange, status, JSON, body);
    }

    public void problem(Exchange exchange, Problem problem) {
        write(exchange, problem.getStatus(), Problem.MEDIA_TYPE, problem);
    }

    /** Adds a response header; call after {@link #json} or {@link #problem}. */
    public static void header(Exchange exchange, String name, String value) {
        exchange.getMessage().setHeader(name, value);
    }

    private void write(Exchange exchange, int status, String contentType, Object body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setHeader("GS1-EPCIS-Version", "2.0.0");
        try {
            message.setBody(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }
}
