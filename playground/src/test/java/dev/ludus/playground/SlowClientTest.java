package dev.ludus.playground;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow and greedy clients (slowloris, slow bodies, many connections from one address) hold a
 * bounded number of the server's threads for a bounded time: others are served meanwhile, the
 * slow connections are closed after the read timeout (3 s in this test JVM, set in the pom), and
 * one address beyond its share of requests gets 429 at once. The slow clients connect from
 * 127.0.0.2 (the loopback range), the well-behaved one from 127.0.0.1.
 */
class SlowClientTest {
    static final long READ_TIMEOUT_MS = Long.getLong("sun.net.httpserver.maxReqTime", 10) * 1000;
    static Playground play;

    @BeforeAll
    static void start() throws Exception {
        play = Playground.start(new Playground.Config("127.0.0.1", 0, null, Limits.defaults(), 1));
    }

    @AfterAll
    static void stop() {
        if (play != null) play.close();
    }

    static Socket connectFrom(String source) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
        s.connect(new InetSocketAddress("127.0.0.1", play.port()), 2000);
        s.setSoTimeout((int) READ_TIMEOUT_MS + 5000);
        return s;
    }

    /** A POST whose headers promise a body that then arrives a few bytes at a time, or never. */
    static Socket slowBody(String source) throws IOException {
        Socket s = connectFrom(source);
        OutputStream out = s.getOutputStream();
        out.write(("POST /api/run HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                + "{\"source\":\"").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    /** Headers that never end. */
    static Socket slowHeaders(String source) throws IOException {
        Socket s = connectFrom(source);
        s.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    /** What the server answers on {@code s} until it closes it (or the socket's timeout). */
    static String answer(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        try {
            in.transferTo(got);
        } catch (java.net.SocketException e) {
            // closed by a reset: what came before is the answer
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    static String health(String source) throws IOException {
        try (Socket s = connectFrom(source)) {
            s.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            return answer(s);
        }
    }

    @Test
    void slowClientsAreCutOffAndOthersServed() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            // as many slow bodies as one address may have in the handlers, and headers that never end
            for (int i = 0; i < 16; i++) slow.add(slowBody("127.0.0.2"));
            for (int i = 0; i < 8; i++) slow.add(slowHeaders("127.0.0.2"));
            Thread.sleep(500);
            // one more request of that address is refused at once, its body unread
            long start = System.nanoTime();
            try (Socket extra = slowBody("127.0.0.2")) {
                String refused = answer(extra);
                assertTrue(refused.startsWith("HTTP/1.1 429"), refused);
            }
            assertTrue((System.nanoTime() - start) / 1_000_000 < 2000, "refused at once");
            // another client is served meanwhile
            start = System.nanoTime();
            String ok = health("127.0.0.1");
            assertTrue(ok.startsWith("HTTP/1.1 200") && ok.contains("\"ok\":true"), ok);
            assertTrue((System.nanoTime() - start) / 1_000_000 < 2000, "served at once");
            // the slow ones are closed once the read timeout has passed (none is answered 200)
            start = System.nanoTime();
            for (Socket s : slow) {
                String got = answer(s);
                assertTrue(!got.contains(" 200 "), got);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < READ_TIMEOUT_MS + 3000, "slow connections closed after " + ms + " ms");
        } finally {
            for (Socket s : slow) s.close();
        }
        // and the address may come back with a proper request
        String again = health("127.0.0.2");
        assertTrue(again.startsWith("HTTP/1.1 200"), again);
    }
}
