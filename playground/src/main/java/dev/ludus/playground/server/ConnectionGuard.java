package dev.ludus.playground.server;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Guards the server's threads against slow or greedy clients: at most {@link #PER_ADDRESS}
 * requests of one address are handled at once; one more is answered 429 and its connection is
 * closed without reading its body. Together with the read timeout ({@link PlayServer#READ_TIMEOUT_S}:
 * a request whose headers and body have not arrived in time has its connection closed) a slow
 * client holds a bounded number of threads for a bounded time, and the others are served.
 */
final class ConnectionGuard extends Filter {
    /** Enough for one browser (six connections) and a few tabs, far below the server's threads. */
    static final int PER_ADDRESS = 16;

    private final ConcurrentHashMap<InetAddress, Integer> active = new ConcurrentHashMap<>();
    private final int perAddress;

    ConnectionGuard(int perAddress) { this.perAddress = perAddress; }

    /** Ends the exchange without draining the request (the server then closes the connection). */
    static final class Refused extends RuntimeException {
        Refused() { super("refused", null, false, false); }
    }

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
        InetAddress address = ex.getRemoteAddress().getAddress();
        int n = active.merge(address, 1, Integer::sum);
        try {
            if (n > perAddress) {
                byte[] body = "{\"error\":\"too many requests from this address at once\"}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                ex.getResponseHeaders().set("Connection", "close");
                ex.getResponseHeaders().set("Retry-After", "1");
                ex.sendResponseHeaders(429, body.length);
                OutputStream out = ex.getResponseBody();
                out.write(body);
                out.flush();
                // not ex.close(): that would read (drain) the rest of a slow client's body first
                throw new Refused();
            }
            chain.doFilter(ex);
        } finally {
            active.computeIfPresent(address, (a, c) -> c <= 1 ? null : c - 1);
        }
    }

    @Override
    public String description() { return "at most " + perAddress + " requests of one address at once"; }
}
