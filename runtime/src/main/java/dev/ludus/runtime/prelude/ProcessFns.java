package dev.ludus.runtime.prelude;

import dev.ludus.runtime.process.Processes;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Nil;
import dev.ludus.runtime.value.Pid;

/** Prelude §12 (language.md §16): the process functions. Loading this file loads no scheduler. */
public final class ProcessFns {
    private ProcessFns() {}

    /** The names this file defines. A class of its own so that listing them initialises nothing. */
    static final class Names {
        static final String[] LIST = {"spawn!", "self", "send", "yield!", "sleep!", "alive?"};
    }

    /** Whether {@code name} is one of the process functions (the compiler's "uses processes" fact). */
    public static boolean isProcessName(String name) {
        for (String n : Names.LIST) if (n.equals(name)) return true;
        return false;
    }

    /** A console line from the scheduler (a process's panic): printed and recorded like print!'s. */
    public static void consoleLine(String line) { CoreFns.print(line); }

    static Object make(String name) {
        return switch (name) {
            case "spawn!" -> new Fn("spawn!", "Starts a new process that calls the function f with no arguments; returns its pid. "
                    + "The new process runs when the current one waits (receive, yield!, sleep!).", "(f as :fn)") {
                @Override public Object call1(Object f) {
                    if (!(f instanceof LFn)) throw noMatch(f);
                    return Processes.spawn(f);
                }
            };
            case "self" -> new Fn("self", "Returns the pid of the running process (pid 0 is the main script).", "()") {
                @Override public Object call0() { return Processes.self(); }
            };
            case "send" -> new Fn("send", "Sends msg to the process pid (appended to its mailbox; dropped if it has finished). "
                    + "Returns msg; never waits.", "(pid as :pid, msg)") {
                @Override public Object call2(Object pid, Object msg) {
                    if (!(pid instanceof Pid p)) throw noMatch(pid, msg);
                    return Processes.send(p, msg);
                }
            };
            case "yield!" -> new Fn("yield!", "Lets every other runnable process have a turn before this one goes on. Returns nil.", "()") {
                @Override public Object call0() {
                    Processes.yieldNow();
                    return Nil.NIL;
                }
            };
            case "sleep!" -> new Fn("sleep!", "Pauses the running process for ms milliseconds of the program's virtual clock "
                    + "(other processes run meanwhile; no real time passes). Returns nil.", "(ms as :number)") {
                @Override public Object call1(Object ms) {
                    if (!(ms instanceof Double d)) throw noMatch(ms);
                    Processes.sleep(d);
                    return Nil.NIL;
                }
            };
            case "alive?" -> new Fn("alive?", "Returns true if the process pid has not finished (or panicked) yet.", "(pid as :pid)") {
                @Override public Object call1(Object pid) {
                    if (!(pid instanceof Pid p)) throw noMatch(pid);
                    return Processes.alive(p) ? Boolean.TRUE : Boolean.FALSE;
                }
            };
            default -> null;
        };
    }
}
