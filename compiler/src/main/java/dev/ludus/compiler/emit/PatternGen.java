package dev.ludus.compiler.emit;

import dev.ludus.compiler.analyse.Clauses;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Patterns compiled to straight-line tests: each test jumps to {@code fail} with the operand
 * stack as it was on entry; sub-values go through fresh local slots; names are stored as they
 * are met (a failed match never exposes them, since the clause's scope is left).
 */
final class PatternGen implements Opcodes {
    private final ModuleContext m;
    private final Gen x;
    private final PatternMethods big;

    PatternGen(ModuleContext m, Gen x) {
        this.m = m;
        this.x = x;
        this.big = new PatternMethods(m, x, this);
    }

    /**
     * A clause's, let's or if-let's pattern against src (a value, or a clause's arguments),
     * binding its names; jumps to fail when it does not match. Large patterns go to helper
     * methods (PatternMethods), patterns of many names bind into an array (Spills).
     */
    void matchClause(Pattern p, ArgSource src, Label fail, Frame f) {
        if (big.applies(p, f)) {
            big.match(p, src, fail, f);
            return;
        }
        int[] spill = Spills.begin(p, f);
        if (src.isValue()) match(p, src.valueSlot(), fail, f);
        else matchArgs((PTuple) p, src, fail, f);
        Spills.end(f, spill);
    }

    /** The bindings a pattern introduces. */
    void binders(Pattern p, List<Binding> out) {
        if (p instanceof PBind b) {
            add(b, out);
        } else if (p instanceof PTyped t) {
            add(t, out);
        } else if (p instanceof PSplat s) {
            if (s.name() != null) add(s, out);
        } else if (p instanceof PDictPair pr) {
            binders(pr.pattern(), out);
        } else if (p instanceof PTuple t) {
            for (Pattern i : t.items()) binders(i, out);
        } else if (p instanceof PList l) {
            for (Pattern i : l.items()) binders(i, out);
        } else if (p instanceof PDict d) {
            for (Pattern i : d.items()) binders(i, out);
        } else {
        }
    }

    private void add(Pattern p, List<Binding> out) {
        Binding b = m.res.declared.get(p);
        if (b != null) out.add(b);
    }

    private void bind(Pattern p, Frame f) {
        if (f.patterns != null) { // in a helper of a large pattern: into its out array
            PatternMethods.storeOut(f.mv, 1, f.patterns.index(p));
            return;
        }
        Binding b = m.res.declared.get(p);
        if (b == null) throw new IllegalStateException("pattern binding not resolved at " + p.span());
        x.store(b, f);
    }

    void match(Pattern p, int v, Label fail, Frame f) {
        MethodVisitor mv = f.mv;
        if (big.outlined(p, v, fail, f)) return;
        if (p instanceof PIgnore i) {
        } else if (p instanceof PBind b) {
                mv.visitVarInsn(ALOAD, v);
                bind(b, f);
        } else if (p instanceof PTyped t) {
                mv.visitVarInsn(ALOAD, v);
                typeTest(t.type(), mv);
                mv.visitJumpInsn(IFEQ, fail);
                mv.visitVarInsn(ALOAD, v);
                bind(t, f);
        } else if (p instanceof PConst c) {
            constant(c.literal(), v, fail, mv);
        } else if (p instanceof PTuple t) {
            sequence(t, t.items(), v, fail, f, true);
        } else if (p instanceof PList l) {
            sequence(l, l.items(), v, fail, f, false);
        } else if (p instanceof PDict d) {
            dict(d, v, fail, f);
        } else if (p instanceof PSplat s) {
            throw new IllegalStateException("splat outside a sequence pattern");
        } else if (p instanceof PDictPair pr) {
            throw new IllegalStateException("dict pair outside a dict pattern");
        } else {
            throw new IllegalStateException("unexpected node: " + p);
        }
    }

    private void typeTest(String type, MethodVisitor mv) {
        String cls = switch (type) {
            case "number" -> "java/lang/Double";
            case "string" -> "java/lang/String";
            case "keyword" -> Rt.KEYWORD;
            case "tuple" -> Rt.TUPLE;
            case "list" -> Rt.LLIST;
            case "dict" -> Rt.LDICT;
            case "set" -> Rt.LSET;
            case "boolean" -> "java/lang/Boolean";
            case "fn" -> "dev/ludus/runtime/value/LFn";
            case "ref", "box" -> Rt.REF; // :box and :pkg are the 2024 names (language.md §15)
            case "ns", "pkg" -> Rt.NS;
            case "nil" -> Rt.NIL;
            case "pid" -> "dev/ludus/runtime/value/Pid";
            default -> null;
        };
        if (cls != null) {
            mv.visitTypeInsn(INSTANCEOF, cls);
        } else {
            // not a type keyword: never matches (spec §5)
            mv.visitInsn(POP);
            mv.visitInsn(ICONST_0);
        }
    }

    private void constant(Expr lit, int v, Label fail, MethodVisitor mv) {
        mv.visitVarInsn(ALOAD, v);
        if (lit instanceof Nil n) {
            Rt.nil(mv); mv.visitJumpInsn(IF_ACMPNE, fail);
        } else if (lit instanceof Bool b) {
            Rt.bool(mv, b.value()); mv.visitJumpInsn(IF_ACMPNE, fail);
        } else if (lit instanceof Kw k) {
            Rt.keyword(mv, k.name()); mv.visitJumpInsn(IF_ACMPNE, fail);
        } else if (lit instanceof Num n) {
                mv.visitLdcInsn(n.value());
                mv.visitMethodInsn(INVOKESTATIC, Rt.PATTERNS, "numEq", "(" + Rt.OBJ_D + "D)Z", false);
                mv.visitJumpInsn(IFEQ, fail);
        } else if (lit instanceof Str s) {
                mv.visitLdcInsn(s.value());
                mv.visitMethodInsn(INVOKESTATIC, Rt.PATTERNS, "strEq", "(" + Rt.OBJ_D + "Ljava/lang/String;)Z", false);
                mv.visitJumpInsn(IFEQ, fail);
        } else {
            throw new IllegalStateException("not a literal pattern: " + lit);
        }
    }

    private void sequence(Pattern node, List<Pattern> items, int v, Label fail, Frame f, boolean tuple) {
        MethodVisitor mv = f.mv;
        String cls = tuple ? Rt.TUPLE : Rt.LLIST;
        boolean splat = !items.isEmpty() && items.get(items.size() - 1) instanceof PSplat;
        int fixed = splat ? items.size() - 1 : items.size();
        if (tuple && !splat && fixed <= TupleForms.MAX_FIELDS) {
            fixedTuple(items, v, fail, f);
            return;
        }
        mv.visitVarInsn(ALOAD, v);
        mv.visitTypeInsn(INSTANCEOF, cls);
        mv.visitJumpInsn(IFEQ, fail);
        mv.visitVarInsn(ALOAD, v);
        mv.visitTypeInsn(CHECKCAST, cls);
        mv.visitMethodInsn(INVOKEVIRTUAL, cls, "size", "()I", false);
        Rt.integer(mv, fixed);
        mv.visitJumpInsn(splat ? IF_ICMPLT : IF_ICMPNE, fail);
        boolean bound = tuple && Spills.bindItems(items, fixed, v, false, m.res.declared, f);
        PatternMethods.Kind kind = tuple ? PatternMethods.Kind.TUPLE_ITEMS : PatternMethods.Kind.LIST_ITEMS;
        if (!bound && !big.chunked(node, kind, v, fail, f)) items(node, kind, v, 0, fixed, fail, f);
        if (splat && ((PSplat) items.get(fixed)).name() != null) {
            mv.visitVarInsn(ALOAD, v);
            mv.visitTypeInsn(CHECKCAST, cls);
            Rt.integer(mv, fixed);
            String helper = tuple ? "tupleRest" : "listRest";
            mv.visitMethodInsn(INVOKESTATIC, Rt.PATTERNS, helper, "(L" + cls + ";I)L" + Rt.LLIST + ";", false);
            bind(items.get(fixed), f);
        }
    }

    /** A tuple pattern of n <= MAX_FIELDS items, no splat: one class test, then the fields. */
    private void fixedTuple(List<Pattern> items, int v, Label fail, Frame f) {
        int n = items.size();
        TupleForms.isOfSize(f.mv, v, n);
        f.mv.visitJumpInsn(IFEQ, fail);
        for (int i = 0; i < n; i++) {
            Pattern item = items.get(i);
            if (item instanceof PIgnore) continue;
            TupleForms.field(f.mv, v, n, i);
            subMatch(item, fail, f);
        }
    }

    /** Matches the value on the stack against a sub-pattern. */
    private void subMatch(Pattern item, Label fail, Frame f) {
        if (item instanceof PBind b) {
            bind(b, f);
            return;
        }
        int tmp = Spills.temp(f);
        f.mv.visitVarInsn(ASTORE, tmp);
        match(item, tmp, fail, f);
        Spills.release(f);
    }

    private void dict(PDict d, int v, Label fail, Frame f) {
        MethodVisitor mv = f.mv;
        mv.visitVarInsn(ALOAD, v);
        mv.visitTypeInsn(INSTANCEOF, Rt.LDICT);
        mv.visitJumpInsn(IFEQ, fail);
        List<String> named = new ArrayList<>();
        PSplat rest = null;
        for (Pattern item : d.items()) {
            if (item instanceof PSplat s) rest = s;
            else named.add(((PDictPair) item).key());
        }
        if (!big.chunked(d, PatternMethods.Kind.DICT_ITEMS, v, fail, f)) {
            items(d, PatternMethods.Kind.DICT_ITEMS, v, 0, d.items().size(), fail, f);
        }
        if (rest != null && rest.name() != null) {
            mv.visitVarInsn(ALOAD, v);
            mv.visitTypeInsn(CHECKCAST, Rt.LDICT);
            dev.ludus.compiler.resolve.Binding whole = m.res.declared.get(rest);
            if (whole != null && m.an.restIsWhole(whole)) {
                // the rest's one use gives it back with the named keys (analyse.RestUpdates): the dict itself
                bind(rest, f);
                return;
            }
            if (named.size() > MANY_KEYS) {
                // the keys as one text, not an array built by code of its own
                mv.visitLdcInsn(String.join(" ", named));
                mv.visitMethodInsn(INVOKESTATIC, Rt.PATTERNS, "dictRest", "(L" + Rt.LDICT + ";Ljava/lang/String;)L" + Rt.LDICT + ";", false);
                bind(rest, f);
                return;
            }
            Rt.keys(mv, named);
            mv.visitMethodInsn(INVOKESTATIC, Rt.PATTERNS, "dictRest", "(L" + Rt.LDICT + ";[" + Rt.KEYWORD_D + ")L" + Rt.LDICT + ";", false);
            bind(rest, f);
        }
    }

    /** A dict pattern's rest names more keys than this: they travel as one text. */
    static final int MANY_KEYS = 256;

    /**
     * Items from..to of a sequence or dict pattern p, against the value in slot v (its type and
     * size are checked): in order, each item read and matched (a dict's rest is not an item here).
     */
    void items(Pattern p, PatternMethods.Kind kind, int v, int from, int to, Label fail, Frame f) {
        MethodVisitor mv = f.mv;
        List<Pattern> items = p instanceof PTuple t ? t.items() : p instanceof PList l ? l.items() : ((PDict) p).items();
        for (int i = from; i < to; i++) {
            Pattern item = items.get(i);
            if (item instanceof PIgnore || item instanceof PSplat) continue;
            if (kind == PatternMethods.Kind.DICT_ITEMS) {
                dictPair((PDictPair) item, v, fail, f);
                continue;
            }
            mv.visitVarInsn(ALOAD, v);
            if (kind == PatternMethods.Kind.ARGS_ITEMS) {
                mv.visitTypeInsn(CHECKCAST, Rt.OBJS_D);
                Rt.integer(mv, i);
                mv.visitInsn(AALOAD);
            } else {
                String cls = kind == PatternMethods.Kind.TUPLE_ITEMS ? Rt.TUPLE : Rt.LLIST;
                mv.visitTypeInsn(CHECKCAST, cls);
                Rt.integer(mv, i);
                mv.visitMethodInsn(INVOKEVIRTUAL, cls, "get", "(I)" + Rt.OBJ_D, false);
            }
            subMatch(item, fail, f);
        }
    }

    private void dictPair(PDictPair pr, int v, Label fail, Frame f) {
        MethodVisitor mv = f.mv;
        mv.visitVarInsn(ALOAD, v);
        if (f.runsOnce() || !m.an.optimised()) { // no inline cache: see CallGen.cached
            mv.visitTypeInsn(CHECKCAST, Rt.LDICT);
            Rt.keyword(mv, pr.key());
            mv.visitMethodInsn(INVOKEVIRTUAL, Rt.LDICT, "get", "(" + Rt.KEYWORD_D + ")" + Rt.OBJ_D, false);
        } else {
            // LDict.get through a DictSites site: an inline cache on record shapes
            mv.visitInvokeDynamicInsn("get", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, Rt.DICT_GET_BSM, pr.key());
        }
        int tmp = Spills.temp(f);
        mv.visitVarInsn(ASTORE, tmp);
        mv.visitVarInsn(ALOAD, tmp);
        mv.visitJumpInsn(IFNULL, fail); // absent key (a key holding nil holds Nil.NIL)
        match(pr.pattern(), tmp, fail, f);
        Spills.release(f);
    }

    /** A pattern analyse.LoopTypes allows at a numeric loop position, against an unboxed double slot. */
    void matchDouble(Pattern item, int slot, boolean asLong, Label fail, Frame f) {
        if (item instanceof PConst c) {
            if (asLong) {
                f.mv.visitVarInsn(LLOAD, slot);
                f.mv.visitInsn(L2D);
            } else {
                f.mv.visitVarInsn(DLOAD, slot);
            }
            f.mv.visitLdcInsn(((Num) c.literal()).value());
            f.mv.visitInsn(DCMPL);
            f.mv.visitJumpInsn(IFNE, fail);
        } else if (item instanceof PBind || item instanceof PTyped) {
            // the name reads the loop slot itself: recur stores there only after the body is done
            f.bindNumber(m.res.declared.get(item), slot, asLong);
        }
    }

    /** A clause's argument-tuple pattern against the arguments themselves (no tuple is built). */
    void matchArgs(PTuple p, ArgSource src, Label fail, Frame f) {
        MethodVisitor mv = f.mv;
        List<Pattern> items = p.items();
        boolean splat = Clauses.hasSplat(p);
        int fixed = Clauses.fixedCount(p);
        if (!src.isFixed()) {
            mv.visitVarInsn(ALOAD, src.arraySlot());
            mv.visitInsn(ARRAYLENGTH);
            Rt.integer(mv, fixed);
            mv.visitJumpInsn(splat ? IF_ICMPLT : IF_ICMPNE, fail);
        }
        boolean bound = !src.isFixed() && Spills.bindItems(items, fixed, src.arraySlot(), true, m.res.declared, f);
        for (int i = 0; i < fixed && !bound; i++) {
            Pattern item = items.get(i);
            if (item instanceof PIgnore) continue;
            if (src.dbl(i)) {
                matchDouble(item, src.slots()[i], src.lng(i), fail, f);
            } else if (src.off(i) >= 0) {
                cursor((PList) item, src.slots()[i], src.off(i), fail, f);
            } else if (src.isFixed()) {
                match(item, src.slots()[i], fail, f);
            } else {
                mv.visitVarInsn(ALOAD, src.arraySlot());
                Rt.integer(mv, i);
                mv.visitInsn(AALOAD);
                subMatch(item, fail, f);
            }
        }
        if (splat && ((PSplat) items.get(fixed)).name() != null) {
            if (src.isFixed()) {
                int[] restSlots = java.util.Arrays.copyOfRange(src.slots(), fixed, src.slots().length);
                x.arrayOfSlots(mv, restSlots);
                Rt.integer(mv, 0);
            } else {
                mv.visitVarInsn(ALOAD, src.arraySlot());
                Rt.integer(mv, fixed);
            }
            mv.visitMethodInsn(INVOKESTATIC, Rt.PATTERNS, "argsRest", "(" + Rt.OBJS_D + "I)L" + Rt.LLIST + ";", false);
            bind(items.get(fixed), f);
        }
    }

    /**
     * A list pattern against a list cursor (analyse.ListCursors): the list in slot v with the
     * first (int slot off) elements dropped. Items are read at off + i; a named rest becomes a
     * view (Frame.views) instead of a new list.
     */
    private void cursor(PList l, int v, int off, Label fail, Frame f) {
        MethodVisitor mv = f.mv;
        List<Pattern> items = l.items();
        boolean splat = !items.isEmpty() && items.get(items.size() - 1) instanceof PSplat;
        int fixed = splat ? items.size() - 1 : items.size();
        mv.visitVarInsn(ALOAD, v);
        mv.visitTypeInsn(INSTANCEOF, Rt.LLIST);
        mv.visitJumpInsn(IFEQ, fail);
        mv.visitVarInsn(ALOAD, v);
        mv.visitTypeInsn(CHECKCAST, Rt.LLIST);
        mv.visitMethodInsn(INVOKEVIRTUAL, Rt.LLIST, "size", "()I", false);
        mv.visitVarInsn(ILOAD, off);
        mv.visitInsn(ISUB);
        Rt.integer(mv, fixed);
        mv.visitJumpInsn(splat ? IF_ICMPLT : IF_ICMPNE, fail);
        for (int i = 0; i < fixed; i++) {
            Pattern item = items.get(i);
            if (item instanceof PIgnore) continue;
            mv.visitVarInsn(ALOAD, v);
            mv.visitTypeInsn(CHECKCAST, Rt.LLIST);
            mv.visitVarInsn(ILOAD, off);
            if (i > 0) {
                Rt.integer(mv, i);
                mv.visitInsn(IADD);
            }
            mv.visitMethodInsn(INVOKEVIRTUAL, Rt.LLIST, "get", "(I)" + Rt.OBJ_D, false);
            subMatch(item, fail, f);
        }
        Binding rest = m.an.listRest(l);
        if (rest != null) f.views.put(rest, new int[] {v, off, fixed});
    }

    /** In a helper of a large pattern: a clause's argument tuple pattern against the arguments array in slot v. */
    void argsArray(PTuple p, int v, Label fail, Frame f) {
        MethodVisitor mv = f.mv;
        List<Pattern> items = p.items();
        int fixed = Clauses.fixedCount(p);
        mv.visitVarInsn(ALOAD, v);
        mv.visitTypeInsn(CHECKCAST, Rt.OBJS_D);
        mv.visitInsn(ARRAYLENGTH);
        Rt.integer(mv, fixed);
        mv.visitJumpInsn(Clauses.hasSplat(p) ? IF_ICMPLT : IF_ICMPNE, fail);
        mv.visitVarInsn(ALOAD, v);
        mv.visitTypeInsn(CHECKCAST, Rt.OBJS_D);
        mv.visitVarInsn(ASTORE, v);
        if (!big.chunked(p, PatternMethods.Kind.ARGS_ITEMS, v, fail, f)) items(p, PatternMethods.Kind.ARGS_ITEMS, v, 0, fixed, fail, f);
        if (fixed < items.size() && ((PSplat) items.get(fixed)).name() != null) {
            mv.visitVarInsn(ALOAD, v);
            Rt.integer(mv, fixed);
            mv.visitMethodInsn(INVOKESTATIC, Rt.PATTERNS, "argsRest", "(" + Rt.OBJS_D + "I)L" + Rt.LLIST + ";", false);
            bind(items.get(fixed), f);
        }
    }
}
