package dev.ludus.compiler.syntax;

import dev.ludus.grammar.Ludus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.atn.DecisionInfo;

/** Debugging aid: ANTLR decision profile of parsing one file. */
final class ProfileMain {
    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]));
        for (int k = 0; k < 3; k++) {
            long t0 = System.nanoTime();
            Lexer.Result lexed = Lexer.scan(text);
            long t1 = System.nanoTime();
            Ludus parser = new Ludus(new CommonTokenStream(new ListTokenSource(lexed.tokens())));
            parser.removeErrorListeners();
            parser.setErrorHandler(new FirstErrorStrategy());
            parser.setProfile(k == 2);
            parser.script();
            long t2 = System.nanoTime();
            System.out.printf("lex %d ms, parse %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            if (k == 2) {
                DecisionInfo[] d = parser.getParseInfo().getDecisionInfo();
                Arrays.stream(d).sorted(Comparator.comparingLong((DecisionInfo x) -> -x.timeInPrediction)).limit(8)
                    .forEach(x -> System.out.printf("decision %d rule %s: time %d ms, invocations %d, SLL_lookahead %d max %d, LL fallbacks %d, LL max %d%n",
                        x.decision, Ludus.ruleNames[parser.getATN().decisionToState.get(x.decision).ruleIndex],
                        x.timeInPrediction / 1_000_000, x.invocations, x.SLL_TotalLook, x.SLL_MaxLook, x.LL_Fallback, x.LL_MaxLook));
            }
        }
    }
}
