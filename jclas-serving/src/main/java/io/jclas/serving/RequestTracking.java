package io.jclas.serving;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Wraps every request, 404s included: counts it in flight until its response is flushed (so that a
 * graceful stop waits for the bytes, not just the handler), records status and latency, and answers
 * 503 once the server is stopping.
 */
final class RequestTracking implements Filter {
    private final ServerMetrics metrics;
    private final BooleanSupplier accepting;

    RequestTracking(ServerMetrics metrics, BooleanSupplier accepting) {
        this.metrics = metrics;
        this.accepting = accepting;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        long start = System.nanoTime();
        // Count first, check second: stop() flips `accepting` and then waits for zero, so no request slips between.
        metrics.inFlight().incrementAndGet();
        try {
            if (accepting.getAsBoolean()) {
                chain.doFilter(request, response);
            } else {
                res.setStatus(503);
                res.setHeader("Connection", "close");
                res.setContentType("application/json");
                res.getOutputStream().write(Json.bytes(new Json.ErrorResponse(
                        "the server is shutting down", "retry on another instance")));
            }
            res.flushBuffer();
        } catch (IOException e) {
            // The client went away; nothing left to answer.
        } finally {
            metrics.record(req.getRequestURI(), res.getStatus(), (System.nanoTime() - start) / 1e9);
            metrics.inFlight().decrementAndGet();
        }
    }
}
