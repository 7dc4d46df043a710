// The playground's load test (not part of `mvn verify`): N users each run a typical turtle program
// every 2 s for a while, first alone, then beside H hostile users who run, one after another, an
// infinite loop, an allocation bomb, a deep recursion, an output flood and an oversized source.
// Prints run-latency percentiles for both phases and every hostile run's outcome.
// Run through ./run beside it (it starts the server); localhost only.
// The two phases alternate ROUNDS times (the machine may be shared: alternating shows drift), and
// each phase prints the load average before and after it.
//   java LoadTest.java URL [users] [hostile] [seconds] [timeLimitSeconds] [rounds]
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

public class LoadTest {
    static final String TYPICAL = """
            pencolor! ((%d, 200, 120))
            loop (1) with (n) -> if gt? (n, %d)
              then :done
              else {
                forward! (mult (n, 3))
                right! (0.24)
                recur (inc (n))
              }
            """;
    static final String[][] HOSTILE = {
        {"infinite loop", "loop (0) with (n) -> recur (inc (n))"},
        {"allocation bomb", "loop (\"ludus\") with (s) -> recur (concat (s, s))"},
        {"deep recursion", "fn down (n) -> inc (down (n))\ndown (0)"},
        {"output flood", "loop (0) with (n) -> { print! (\"spam {n}\"); recur (inc (n)) }"},
        {"source too big", "print! (\"x\")\n".repeat(8000)},
    };

    record Sample(long ms, boolean ok, long queued, String why) {}
    record Hostile(String kind, String limit, int exit, long ms, long queued) {}

    /**
     * One client per user, each from an address of its own in the loopback range (127.0.0.N; Java
     * 19+), as the students of a class have; on older Javas all share 127.0.0.1 and so the
     * server's per-address cap.
     */
    static HttpClient client(int n) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        try {
            HttpClient.Builder.class.getMethod("localAddress", java.net.InetAddress.class)
                    .invoke(b, java.net.InetAddress.getByName("127.0.0." + (10 + n)));
        } catch (ReflectiveOperationException | java.net.UnknownHostException e) {
            if (n == 0) System.out.println("(every user from 127.0.0.1: this Java cannot pick a client's address)");
        }
        return b.build();
    }
    static URI api;

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("the load test runs against localhost only");
        }
        api = base.resolve("/api/run");
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int hostile = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        double timeLimit = args.length > 4 ? Double.parseDouble(args[4]) : 10;
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        System.out.printf("load test: %d users, one typical turtle run every 2 s each, %d s per phase, %d round(s)%n",
                users, seconds, rounds);
        List<Sample> allAlone = new ArrayList<>(), allBeside = new ArrayList<>();
        ConcurrentLinkedQueue<Hostile> hostileRuns = new ConcurrentLinkedQueue<>();
        for (int round = 1; round <= rounds; round++) {
            String load = loadavg();
            List<Sample> alone = phase(users, 0, seconds, new ConcurrentLinkedQueue<>());
            report("round " + round + " without hostile users (load " + load + " -> " + loadavg() + ")", alone);
            allAlone.addAll(alone);
            load = loadavg();
            List<Sample> beside = phase(users, hostile, seconds, hostileRuns);
            report("round " + round + " with " + hostile + " hostile users (load " + load + " -> " + loadavg() + ")", beside);
            allBeside.addAll(beside);
        }
        if (rounds > 1) {
            report("all rounds without hostile users", allAlone);
            report("all rounds with " + hostile + " hostile users", allBeside);
        }
        System.out.println("hostile runs (" + hostileRuns.size() + "):");
        int late = 0;
        java.util.Map<String, List<Hostile>> byKind = new java.util.TreeMap<>();
        for (Hostile h : hostileRuns) byKind.computeIfAbsent(h.kind() + " limit=" + h.limit(), k -> new ArrayList<>()).add(h);
        for (var e : byKind.entrySet()) {
            long max = 0, maxRan = 0, maxQueued = 0;
            for (Hostile h : e.getValue()) {
                max = Math.max(max, h.ms());
                maxRan = Math.max(maxRan, h.ms() - h.queued());
                maxQueued = Math.max(maxQueued, h.queued());
                if (h.ms() - h.queued() > timeLimit * 1000 + 2000 || h.ms() < 0) late++;
            }
            System.out.printf("  %-34s %3d runs, longest run %6d ms (waited for a worker up to %5d ms; answer after up to %6d ms)%n",
                    e.getKey(), e.getValue().size(), maxRan, maxQueued, max);
        }
        System.out.println(late == 0 ? "every hostile run ended within its limit (ran at most the time limit + 2 s)" : late + " hostile runs ended late");
    }

    static String loadavg() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    static List<Sample> phase(int users, int hostile, int seconds, ConcurrentLinkedQueue<Hostile> hostileRuns) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int user = u;
            HttpClient http = client(user);
            threads.add(new Thread(() -> {
                try {
                    Thread.sleep((long) (Math.random() * 2000)); // users do not press Run in step
                    for (int i = 0; System.nanoTime() < end; i++) {
                        long start = System.nanoTime();
                        String source = String.format(TYPICAL, (user * 37 + i) % 256, 60 + (user + i) % 60);
                        try {
                            String body = send(http, source, "user-" + user);
                            long ms = (System.nanoTime() - start) / 1_000_000;
                            boolean ok = body.contains("\"exit\":0") && body.contains("<line");
                            String q = field(body, "queued");
                            samples.add(new Sample(ms, ok, q.equals("?") ? 0 : Long.parseLong(q), ok ? null
                                    : body.contains("\"limit\"") ? "limit=" + field(body, "limit") + " exit=" + field(body, "exit")
                                    : body.substring(0, Math.min(80, body.length()))));
                        } catch (java.io.IOException e) {
                            samples.add(new Sample(-1, false, 0, e.toString()));
                        }
                        long next = start + 2_000_000_000L - System.nanoTime();
                        if (next > 0) Thread.sleep(next / 1_000_000);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (int h = 0; h < hostile; h++) {
            int who = h;
            HttpClient http = client(users + h);
            threads.add(new Thread(() -> {
                try {
                    for (int i = who; System.nanoTime() < end; i++) {
                        String[] prog = HOSTILE[i % HOSTILE.length];
                        long start = System.nanoTime();
                        String body = send(http, prog[1], "hostile-" + who);
                        long ms = (System.nanoTime() - start) / 1_000_000;
                        String limit = field(body, "limit");
                        int exit = Integer.parseInt(field(body, "exit"));
                        String q = field(body, "queued");
                        hostileRuns.add(new Hostile(prog[0], limit, exit, ms, q.equals("?") ? 0 : Long.parseLong(q)));
                    }
                } catch (Exception e) {
                    hostileRuns.add(new Hostile("error: " + e, null, -1, -1, 0));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join();
        return new ArrayList<>(samples);
    }

    static String send(HttpClient http, String source, String client) throws java.io.IOException, InterruptedException {
        String json = "{\"source\":" + quote(source) + ",\"client\":" + quote(client) + "}";
        HttpRequest req = HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json").build();
        return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\":");
        if (i < 0) return "?";
        String rest = json.substring(i + name.length() + 3);
        if (rest.startsWith("\"")) return rest.substring(1, rest.indexOf('"', 1));
        int j = 0;
        while (j < rest.length() && ",}".indexOf(rest.charAt(j)) < 0) j++;
        return rest.substring(0, j);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c == '\n') b.append("\n");
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    static void report(String phase, List<Sample> samples) {
        List<Long> ms = new ArrayList<>(), queued = new ArrayList<>();
        int failed = 0;
        java.util.Map<String, Integer> why = new java.util.TreeMap<>();
        for (Sample s : samples) {
            if (s.ok()) {
                ms.add(s.ms());
                queued.add(s.queued());
            } else {
                failed++;
                why.merge(s.why(), 1, Integer::sum);
            }
        }
        Collections.sort(ms);
        Collections.sort(queued);
        System.out.printf("%s: %d runs, %d failed; latency p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n", phase,
                samples.size(), failed, pct(ms, 50), pct(ms, 95), pct(ms, 99), ms.isEmpty() ? -1 : ms.get(ms.size() - 1));
        System.out.printf("  of which waiting for a free worker: p50 %d ms, p95 %d ms, p99 %d ms%n",
                pct(queued, 50), pct(queued, 95), pct(queued, 99));
        if (failed > 0) System.out.println("  failed runs: " + why);
    }

    static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return -1;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
