package dev.ludus.compiler.syntax;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNConfig;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.RuleStopState;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Stops at the first syntax error (spec §11: a syntax error ends the analysis) and records the
 * offending token plus the exact set of token types that would have been valid there.
 *
 * <p>When adaptive prediction needed several tokens of lookahead (e.g. through newlines:
 * {@code do x > f} / newline / {@code )}), the error is at the token where every alternative
 * died, which can be after the decision's first token; the expected set is then taken from the
 * prediction's dead-end configurations, i.e. the ATN states reached just before that token.
 */
final class FirstErrorStrategy extends DefaultErrorStrategy {

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        Token offending = e.getOffendingToken();
        if (e instanceof NoViableAltException nva && nva.getDeadEndConfigs() != null
                && offending.getTokenIndex() != nva.getStartToken().getTokenIndex()) {
            throw new SyntaxFailure(offending, expectedFrom(nva));
        }
        throw new SyntaxFailure(offending, e.getExpectedTokens());
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw new IllegalStateException("no recovery", e);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        throw new SyntaxFailure(recognizer.getCurrentToken(), recognizer.getExpectedTokens());
    }

    /**
     * Like the default (report at loop entries and block starts when the next token can neither
     * enter nor skip the subrule), but without recovery. Checking here, before the loop decision,
     * keeps in the expected set both "another member" and "what follows the loop".
     */
    @Override
    public void sync(Parser recognizer) {
        ATNState s = recognizer.getInterpreter().atn.states.get(recognizer.getState());
        int la = recognizer.getInputStream().LA(1);
        IntervalSet next = recognizer.getATN().nextTokens(s);
        if (next.contains(la) || next.contains(Token.EPSILON)) return;
        switch (s.getStateType()) {
            case ATNState.BLOCK_START, ATNState.STAR_BLOCK_START, ATNState.PLUS_BLOCK_START,
                 ATNState.STAR_LOOP_ENTRY, ATNState.PLUS_LOOP_BACK, ATNState.STAR_LOOP_BACK ->
                throw new SyntaxFailure(recognizer.getCurrentToken(), recognizer.getExpectedTokens());
            default -> { }
        }
    }

    private static IntervalSet expectedFrom(NoViableAltException e) {
        IntervalSet set = new IntervalSet();
        for (ATNConfig c : e.getDeadEndConfigs()) {
            if (c.state instanceof RuleStopState) {
                set.add(Token.EOF);
                continue;
            }
            for (int i = 0; i < c.state.getNumberOfTransitions(); i++) {
                Transition t = c.state.transition(i);
                if (!t.isEpsilon() && t.label() != null) set.addAll(t.label());
            }
        }
        return set;
    }

}
