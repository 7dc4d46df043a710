package dev.ludus.playground;

import dev.ludus.playground.pool.WorkerPool;
import dev.ludus.playground.server.PlayServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * {@code ludus play}: the page, the JSON API and the worker pool behind them. Start with
 * {@link #start}, stop with {@link #close}.
 */
public final class Playground implements AutoCloseable {
    /** Where to listen, which directory imports may read (null: none), the limits, how many workers. */
    public record Config(String host, int port, Path dir, Limits limits, int workers) {
        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final int DEFAULT_PORT = 5050;
        public static final int DEFAULT_WORKERS = 4;
    }

    private final WorkerPool pool;
    private final PlayServer server;
    private final String host;

    private Playground(WorkerPool pool, PlayServer server, String host) {
        this.pool = pool;
        this.server = server;
        this.host = host;
    }

    /** Starts the workers (waits for the first) and the server. */
    public static Playground start(Config config) throws IOException {
        WorkerPool pool = new WorkerPool(Math.max(1, config.workers()), config.limits(), config.dir());
        try {
            return new Playground(pool, new PlayServer(config.host(), config.port(), pool, config.limits()), config.host());
        } catch (IOException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public int port() { return server.port(); }

    /** The page's address (a wildcard host is shown as localhost). */
    public URI uri() {
        String h = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port() + "/");
    }

    @Override
    public void close() {
        server.close();
        pool.close();
    }
}
