package dev.protostar.loadtest.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** Whole JSON answers, and errors in OpenAI's shape so clients map them as they would a provider's. */
final class Responses {

    static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {}

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.getResponseBody().flush();
    }

    /** {@code {"error":{"message":…,"type":…,"param":null,"code":…}}}; a null code stays null, as OpenAI sends it. */
    static void error(HttpExchange exchange, int status, String message, String type, String code) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error")
                .put("message", message)
                .put("type", type)
                .putNull("param")
                .put("code", code);
        json(exchange, status, body);
    }

    static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        error(
                exchange,
                405,
                "Method " + exchange.getRequestMethod() + " not allowed; use " + allowed + ".",
                "invalid_request_error",
                null);
    }
}
