package io.jclas.serving;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/** Jetty's own errors (malformed HTTP, oversize headers) as JSON {error, hint} instead of an HTML page. */
final class JsonErrorHandler extends ErrorHandler {
    private static final String HINT = "send a well-formed HTTP/1.1 request; see GET /health and docs/serving.md";

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(Json.bytes(new Json.ErrorResponse(describe(status, reason), HINT)));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
            HttpServletResponse response, int code, String message) throws IOException {
        response.setContentType("application/json");
        response.getOutputStream().write(Json.bytes(new Json.ErrorResponse(describe(code, message), HINT)));
        baseRequest.setHandled(true);
    }

    private static String describe(int status, String reason) {
        return "HTTP " + status + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }
}
