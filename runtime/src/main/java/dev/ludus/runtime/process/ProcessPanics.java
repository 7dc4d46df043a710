package dev.ludus.runtime.process;

import dev.ludus.runtime.LudusPanic;
import dev.ludus.runtime.diag.Ansi;
import dev.ludus.runtime.diag.PanicReport;
import dev.ludus.runtime.prelude.Console;
import dev.ludus.runtime.prelude.ProcessFns;
import java.io.PrintStream;

/**
 * What a panic in a spawned process prints (spec §16): the console line
 * {@code Process pid N panicked: MESSAGE}, in order with the other console output, and the usual
 * human diagnostic on stderr. Only that process ends.
 */
final class ProcessPanics {
    void report(Proc p, LudusPanic e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int nl = message.indexOf('\n');
        ProcessFns.consoleLine("Process " + p + " panicked: " + (nl < 0 ? message : message.substring(0, nl)));
        PrintStream err = Console.err;
        if (err != null) {
            err.print(PanicReport.render(e, Ansi.enabled()));
            err.flush();
        }
    }
}
