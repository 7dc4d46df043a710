package dev.ludus.runtime.diag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A Ludus-level call trace (spec §10.1: stderr gets "a Ludus-level call trace; never a Java stack
 * trace"): the frames of generated Ludus methods only (see {@link FrameNames}), innermost first,
 * with runs of the same function folded ("... 9998 more calls of count_down") and repeating
 * cycles of two to four functions folded too (mutual recursion).
 *
 * <p>Memory stays bounded however deep the stack is: the innermost {@value #HEAD} runs and the
 * outermost {@value #TAIL} runs are kept; the runs between are only counted.
 */
public final class LudusTrace {
    static final int HEAD = 256;
    static final int TAIL = 32;
    /** At most this many lines of trace are printed (the middle is summarised). */
    static final int MAX_LINES = 40;

    /** One Ludus frame: what runs there and where (line 0: unknown). */
    public record Frame(FrameNames.Kind kind, String name, String file, int line) {
        /** Prelude functions are compiled from a file the reports name {@code <prelude>/...}. */
        public boolean isPrelude() { return file != null && file.startsWith("<prelude>"); }

        String label() {
            return switch (kind) {
                case FN -> name;
                case LAMBDA -> "an anonymous fn";
                case TOPLEVEL -> "top level";
                case TEST -> "a test";
            };
        }

        String where(int lineOverride) {
            if (isPrelude()) return "prelude";
            int l = lineOverride > 0 ? lineOverride : line;
            String f = file == null ? "?" : file;
            return l > 0 ? f + ":" + l : f;
        }
    }

    private record Run(String key, Frame frame, long count) {
        Run more() { return new Run(key, frame, count + 1); }
    }

    private sealed interface Item permits Call, Cycle, Gap {
        long calls();
    }

    /** {@code frame}, then {@code more} further calls of the same function just outside it. */
    private record Call(Frame frame, long more) implements Item {
        public long calls() { return 1 + more; }
    }

    /** The calls of {@code frames}, then {@code more} further calls repeating that cycle. */
    private record Cycle(List<Frame> frames, long more) implements Item {
        public long calls() { return frames.size() + more; }
    }

    /** {@code calls} calls not shown. */
    private record Gap(long calls) implements Item {}

    private final List<Item> items;
    private final Frame innermost;
    private final Frame innermostUser;
    private final Frame calleeOfUser;
    private final boolean cut;
    private final List<String> hostMethods;

    private LudusTrace(List<Item> items, Frame innermost, Frame innermostUser, Frame calleeOfUser, boolean cut,
                       List<String> hostMethods) {
        this.items = items;
        this.innermost = innermost;
        this.innermostUser = innermostUser;
        this.calleeOfUser = calleeOfUser;
        this.cut = cut;
        this.hostMethods = hostMethods;
    }

    /** No Ludus frames (e.g. capture failed). */
    public static final LudusTrace EMPTY = new LudusTrace(List.of(), null, null, null, false, List.of());

    /** The innermost Ludus frame, or null. */
    public Frame innermost() { return innermost; }

    /** The innermost frame of the program's own code (not the prelude), or null. */
    public Frame innermostUser() { return innermostUser; }

    /** The prelude function that {@link #innermostUser} was calling, or null. */
    public Frame calleeOfUser() { return calleeOfUser; }

    public boolean isEmpty() { return innermost == null; }

    /**
     * The names of the prelude's Java methods that were running inside the innermost Ludus frame,
     * outermost first (e.g. {@code div} for a division by zero). Many are named like the prelude
     * function they implement, which lets a report point at the failed call.
     */
    public List<String> hostMethods() { return hostMethods; }

    /** Java frames of these classes may implement a prelude function (see {@link #hostMethods}). */
    private static final String PRELUDE_PACKAGE = "dev.ludus.runtime.prelude.";
    private static final int MAX_HOST_METHODS = 16;

    // ------------------------------------------------------------------ capture

    private static final StackWalker WALKER = StackWalker.getInstance();

    /**
     * Where a spawned process's code starts: a process runs on top of the main script's stack
     * (spec §16, see the scheduler), and its trace must not show the main script's frames.
     */
    private static final String PROCESS_ENTRY = "dev.ludus.runtime.process.Scheduler";

    /**
     * How many JVM frames a capture looks at, at most. Walking costs about a microsecond per
     * frame, and several times that for frames a cancel has just deoptimised (a time limit
     * hitting a deep recursion); a panic at the bottom of a very deep recursion (hundreds of
     * thousands of calls) gets the innermost part of its trace and a note instead.
     */
    static final int MAX_WALK = 50_000;

    /**
     * The Ludus frames of the current thread's stack. Never throws: a capture that fails (even
     * for lack of stack, when the panic happens near the stack limit) gives {@link #EMPTY}.
     */
    public static LudusTrace capture() {
        try {
            return WALKER.walk(LudusTrace::collect);
        } catch (StackOverflowError | RuntimeException e) {
            return EMPTY;
        }
    }

    private static LudusTrace collect(java.util.stream.Stream<StackWalker.StackFrame> frames) {
        Builder b = new Builder();
        int walked = 0;
        for (var it = frames.iterator(); it.hasNext(); ) {
            if (++walked > MAX_WALK) return b.build(true);
            StackWalker.StackFrame f = it.next();
            if (f.getClassName().equals(PROCESS_ENTRY)) break; // a spawned process's stack ends here
            String method = f.getMethodName();
            FrameNames.Decoded d = FrameNames.decode(method);
            if (d == null) {
                String host = b.first != null ? null
                        : f.getClassName().startsWith(PRELUDE_PACKAGE) ? method : FrameNames.pipeStage(method);
                if (host != null) {
                    b.host.add(0, host); // outermost first; keep those nearest the Ludus code
                    if (b.host.size() > MAX_HOST_METHODS) b.host.remove(b.host.size() - 1);
                }
                continue;
            }
            b.add(f.getClassName(), method, d, f.getFileName(), f.getLineNumber(), false);
        }
        return b.build(false);
    }

    /**
     * The Ludus frames of an error's recorded stack trace (for a stack overflow, whose stack is
     * gone by the time it is reported). The JVM records only the innermost part of a very deep
     * stack; if the outermost Ludus frame is not toplevel code, the trace says it was cut.
     */
    public static LudusTrace of(StackTraceElement[] stack) {
        Builder b = new Builder();
        FrameNames.Kind outermost = null;
        for (StackTraceElement e : stack) {
            if (e.getClassName().equals(PROCESS_ENTRY)) {
                outermost = FrameNames.Kind.TOPLEVEL; // the whole of a process's stack: not cut
                break;
            }
            String method = e.getMethodName();
            FrameNames.Decoded d = FrameNames.decode(method);
            if (d == null) continue;
            outermost = d.kind();
            // the overflow struck as a call entered the fn (no line there): the line of the fn's
            // call to itself just outside tells where the recursion is
            b.add(e.getClassName(), method, d, e.getFileName(), e.getLineNumber(), true);
        }
        boolean cut = outermost != FrameNames.Kind.TOPLEVEL && outermost != FrameNames.Kind.TEST;
        return b.build(cut);
    }

    /** The method name without its arity suffix: all entries of one function fold together. */
    private static String base(String method, FrameNames.Decoded d) {
        method = FrameNames.unsplit(method);
        if (d.kind() == FrameNames.Kind.TOPLEVEL) return "$body";
        if (d.kind() == FrameNames.Kind.TEST) return method;
        return method.substring(0, method.lastIndexOf('$'));
    }

    /** Collects runs (consecutive frames of one function) innermost first, in bounded memory. */
    private static final class Builder {
        final List<Run> head = new ArrayList<>();
        final ArrayDeque<Run> tail = new ArrayDeque<>();
        long gapCalls;
        Run current;
        Frame first, user, callee, previous;
        final List<String> host = new ArrayList<>();

        /** The JVM method of the innermost frame seen so far (within the current run). */
        String method;

        /**
         * The next Ludus frame outwards (line negative: none): part of the current run's innermost
         * call, another call of its function (whose line, if locate, the run's frame takes when its
         * own is unknown), or the first call of a new run.
         */
        void add(String cls, String method, FrameNames.Decoded d, String file, int line, boolean locate) {
            String key = cls + '#' + base(method, d);
            if (partOfCall(key, method, line)) return;
            if (continues(key, method)) {
                if (locate) locateUnknown(Math.max(0, line));
                return;
            }
            start(key, method, new Frame(d.kind(), d.name(), file, Math.max(0, line)));
        }

        /** A frame that is not a call of its own: a part of the current run's innermost call (FrameNames). */
        private boolean partOfCall(String key, String outer, int line) {
            if (current == null || !current.key().equals(key) || !FrameNames.partOfCall(method, outer, line)) return false;
            method = outer;
            return true;
        }

        private boolean continues(String key, String outer) {
            if (current != null && current.key().equals(key)) {
                current = current.more();
                method = outer;
                return true;
            }
            return false;
        }

        /** Gives the current run's frame this line if its own is unknown (0), wherever that frame is referred to. */
        void locateUnknown(int line) {
            Frame old = current.frame();
            if (old.line() != 0 || line == 0) return;
            Frame now = new Frame(old.kind(), old.name(), old.file(), line);
            current = new Run(current.key(), now, current.count());
            if (first == old) first = now;
            if (user == old) user = now;
            if (callee == old) callee = now;
            if (previous == old) previous = now;
        }

        private void start(String key, String method, Frame frame) {
            flush();
            this.method = method;
            current = new Run(key, frame, 1);
            if (first == null) first = frame;
            if (user == null && !frame.isPrelude()) {
                user = frame;
                if (previous != null && previous.isPrelude() && previous.kind() == FrameNames.Kind.FN) callee = previous;
            }
            previous = frame;
        }

        private void flush() {
            if (current == null) return;
            if (head.size() < HEAD) {
                head.add(current);
            } else {
                tail.addLast(current);
                if (tail.size() > TAIL) gapCalls += tail.removeFirst().count();
            }
            current = null;
        }

        LudusTrace build(boolean cut) {
            flush();
            List<Item> items = new ArrayList<>(fold(head));
            if (gapCalls > 0) items.add(new Gap(gapCalls));
            items.addAll(fold(new ArrayList<>(tail)));
            return new LudusTrace(List.copyOf(items), first, user, callee, cut, List.copyOf(host));
        }
    }

    /** Runs to items: a cycle of 2..4 single calls repeated at least 3 times becomes one Cycle. */
    private static List<Item> fold(List<Run> runs) {
        List<Item> out = new ArrayList<>();
        int i = 0;
        outer:
        while (i < runs.size()) {
            for (int p = 2; p <= 4; p++) {
                int reps = repetitions(runs, i, p);
                if (reps >= 3) {
                    List<Frame> frames = new ArrayList<>();
                    for (int k = 0; k < p; k++) frames.add(runs.get(i + k).frame());
                    out.add(new Cycle(frames, (long) (reps - 1) * p));
                    i += reps * p;
                    continue outer;
                }
            }
            Run r = runs.get(i++);
            out.add(new Call(r.frame(), r.count() - 1));
        }
        return out;
    }

    /** How many times the block runs[i, i+p) of single calls repeats from i on (0 if it is not such a block). */
    private static int repetitions(List<Run> runs, int i, int p) {
        if (i + p > runs.size()) return 0;
        for (int k = 0; k < p; k++) if (runs.get(i + k).count() != 1) return 0;
        int reps = 1;
        for (int j = i + p; j + p <= runs.size(); j += p) {
            for (int k = 0; k < p; k++) {
                Run r = runs.get(j + k);
                if (r.count() != 1 || !r.key().equals(runs.get(i + k).key())) return reps;
            }
            reps++;
        }
        return reps;
    }

    // ------------------------------------------------------------------ rendering

    /**
     * The trace as text, one call per line, innermost first; {@code innermostLine} &gt; 0 replaces
     * the innermost frame's line (a located panic knows its line better than the line table).
     */
    public String render(boolean colour, int innermostLine) {
        if (items.isEmpty()) return "";
        List<String> lines = new ArrayList<>();
        List<Long> callsPerLine = new ArrayList<>();
        boolean firstFrame = true;
        Item outermost = items.get(items.size() - 1);
        for (Item it : items) {
            // A cut trace ends wherever the JVM's window of frames ended, which can shift by a
            // frame from run to run: its outermost count is not a fact about the program.
            boolean exact = !(cut && it == outermost);
            if (it instanceof Call c) {
                lines.add(at(colour, c.frame(), firstFrame ? innermostLine : 0));
                callsPerLine.add(1L);
                firstFrame = false;
                if (c.more() > 0) {
                    lines.add(more(colour, count(c.more(), exact) + " of " + c.frame().label()));
                    callsPerLine.add(c.more());
                }
            } else if (it instanceof Cycle c) {
                StringBuilder names = new StringBuilder();
                for (Frame f : c.frames()) {
                    lines.add(at(colour, f, firstFrame ? innermostLine : 0));
                    callsPerLine.add(1L);
                    firstFrame = false;
                    if (names.length() > 0) names.append(", ");
                    names.append(f.label());
                }
                lines.add(more(colour, count(c.more(), exact) + ", repeating " + names));
                callsPerLine.add(c.more());
            } else {
                long n = ((Gap) it).calls();
                lines.add(more(colour, count(n, exact)));
                callsPerLine.add(n);
            }
        }
        StringBuilder out = new StringBuilder(Ansi.paint(colour, Ansi.Style.BOLD, "trace (innermost call first):")).append('\n');
        if (lines.size() <= MAX_LINES) {
            for (String l : lines) out.append(l).append('\n');
        } else {
            int keepHead = MAX_LINES - 10, keepTail = 8;
            for (int k = 0; k < keepHead; k++) out.append(lines.get(k)).append('\n');
            long skipped = 0;
            for (int k = keepHead; k < lines.size() - keepTail; k++) skipped += callsPerLine.get(k);
            out.append(more(colour, skipped + " more " + calls(skipped))).append('\n');
            for (int k = lines.size() - keepTail; k < lines.size(); k++) out.append(lines.get(k)).append('\n');
        }
        if (cut) out.append(more(colour, "and outer calls (not recorded: the stack was too deep)")).append('\n');
        return out.toString();
    }

    private static String at(boolean colour, Frame f, int lineOverride) {
        return "  at " + Ansi.paint(colour, Ansi.Style.BOLD, f.label()) + " (" + f.where(lineOverride) + ")";
    }

    private static String more(boolean colour, String text) {
        return "  " + Ansi.paint(colour, Ansi.Style.DIM, "... " + text);
    }

    private static String count(long n, boolean exact) {
        return exact ? n + " more " + calls(n) : "more calls";
    }

    private static String calls(long n) {
        return n == 1 ? "call" : "calls";
    }
}
