package dev.ludus.cli;

import dev.ludus.playground.Limits;
import dev.ludus.playground.Playground;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "play", description = {
        "Start the playground: a web page with an editor, a console and the turtle canvas.",
        "Each run goes to a pool of worker JVMs with a time limit, a memory limit and caps on output,",
        "drawing and source size, so the page is safe to share with a class (--host 0.0.0.0)."},
        footer = {"", "Examples:", "  ./ludus play", "  ./ludus play --open examples",
                "  ./ludus play --host 0.0.0.0 --port 8080 --workers 6", "", Main.EXIT_STATUS})
final class PlayCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "DIR", arity = "0..1",
            description = "The directory whose .ld files programs may `import` (default: none; import is an error).")
    Path dir;

    @Option(names = "--port", paramLabel = "N", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = Playground.Config.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "ADDR", description = "Address to listen on (default: ${DEFAULT-VALUE};"
            + " 0.0.0.0 serves the whole network).")
    String host = Playground.Config.DEFAULT_HOST;

    @Option(names = "--open", description = "Open the page in the browser.")
    boolean open;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Wall-clock limit of a run (default: 10).")
    double timeLimit = Limits.DEFAULT_TIME.toSeconds();

    @Option(names = "--memory", paramLabel = "MB", description = "Heap of each worker JVM (default: 256).")
    int memoryMb = Limits.defaults().memoryMb();

    @Option(names = "--workers", paramLabel = "N",
            description = "Worker JVMs, i.e. runs at the same time (default: ${DEFAULT-VALUE}).")
    int workers = Playground.Config.DEFAULT_WORKERS;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (dir != null && !Files.isDirectory(dir)) throw new Main.UserError("cannot serve " + dir + ": not a directory");
        if (!(timeLimit > 0 && timeLimit <= 3600)) throw new Main.UserError("--time-limit must be between 0 and 3600 seconds");
        if (memoryMb < 32 || memoryMb > 65536) throw new Main.UserError("--memory must be between 32 and 65536 MB");
        if (workers < 1 || workers > 64) throw new Main.UserError("--workers must be between 1 and 64");
        if (port < 0 || port > 65535) throw new Main.UserError("--port must be between 0 and 65535");
        Limits limits = Limits.defaults().withTime(Duration.ofMillis((long) (timeLimit * 1000))).withMemoryMb(memoryMb);
        main.err.println("ludus play: starting " + workers + " worker" + (workers == 1 ? "" : "s") + " ...");
        Playground play;
        try {
            play = Playground.start(new Playground.Config(host, port, dir, limits, workers));
        } catch (java.net.BindException e) {
            throw new Main.UserError("cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + " (is another playground running? try --port)");
        } catch (IOException e) {
            throw new Main.UserError("cannot start the playground: " + e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(play::close, "ludus-play-shutdown"));
        main.out.println("Ludus playground: " + play.uri() + "  (Ctrl-C stops it)");
        main.out.flush();
        if (open) Browser.open(play.uri(), main.err);
        new CountDownLatch(1).await(); // serve until the process is stopped
        return Main.EXIT_OK;
    }
}
