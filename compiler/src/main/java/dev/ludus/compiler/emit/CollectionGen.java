package dev.ludus.compiler.emit;

import dev.ludus.compiler.syntax.Ast.*;
import java.util.List;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Literal and collection code: interpolated strings, tuples, lists, sets, dicts, and Object[]s of values. */
final class CollectionGen implements Opcodes {
    private final ModuleContext m;
    private final Gen x;

    CollectionGen(ModuleContext m, Gen x) {
        this.m = m;
        this.x = x;
    }

    void interp(InterpStr s, Frame f) {
        MethodVisitor mv = f.mv;
        mv.visitTypeInsn(NEW, "java/lang/StringBuilder");
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "()V", false);
        if (x.chunked(f, s.names())) {
            // a long interpolation: its chunks are interpolations of their own (moved if large), appended in order
            int n = s.names().size();
            for (int from = 0; from < n; from += Gen.CHUNK_ITEMS) {
                int to = Math.min(n, from + Gen.CHUNK_ITEMS);
                List<String> texts = new java.util.ArrayList<>(s.texts().subList(from, to));
                texts.add(to == n ? s.texts().get(n) : "");
                x.emit(new InterpStr(s.names().get(from).span(), texts, s.names().subList(from, to)), f, false);
                mv.visitTypeInsn(CHECKCAST, "java/lang/String");
                appendString(mv);
            }
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;", false);
            return;
        }
        for (int i = 0; i < s.texts().size(); i++) {
            if (!s.texts().get(i).isEmpty()) {
                mv.visitLdcInsn(s.texts().get(i));
                appendString(mv);
            }
            if (i < s.names().size()) {
                x.loadWord(s.names().get(i), f);
                mv.visitMethodInsn(INVOKESTATIC, Rt.VALUES, "printForm", "(" + Rt.OBJ_D + ")Ljava/lang/String;", false);
                appendString(mv);
            }
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;", false);
    }

    private static void appendString(MethodVisitor mv) {
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "append",
                "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
    }

    void tuple(List<Expr> items, Frame f) {
        MethodVisitor mv = f.mv;
        if (items.isEmpty()) {
            mv.visitFieldInsn(GETSTATIC, Rt.TUPLE, "EMPTY", "L" + Rt.TUPLE + ";");
            return;
        }
        if (x.chunked(f, items)) {
            // a long tuple: its chunks are tuples of their own (moved if large), copied in order
            int all = f.newSlot();
            Rt.integer(mv, items.size());
            mv.visitTypeInsn(ANEWARRAY, Rt.OBJ);
            mv.visitVarInsn(ASTORE, all);
            int at = 0;
            for (List<Expr> chunk : Gen.chunks(items)) {
                x.emit(new TupleLit(chunk.get(0).span(), chunk), f, false);
                mv.visitTypeInsn(CHECKCAST, Rt.TUPLE);
                mv.visitVarInsn(ALOAD, all);
                Rt.integer(mv, at);
                TupleForms.copyTo(mv);
                at += chunk.size();
            }
            mv.visitVarInsn(ALOAD, all);
            TupleForms.ofArray(mv);
            return;
        }
        if (items.size() <= TupleForms.MAX_FIELDS) {
            for (Expr item : items) x.emit(item, f, false);
            TupleForms.construct(mv, items.size());
            return;
        }
        array(items, f);
        TupleForms.ofArray(mv);
    }

    /** A fresh Object[] holding the values of items, evaluated left to right. */
    void array(List<Expr> items, Frame f) {
        MethodVisitor mv = f.mv;
        Rt.integer(mv, items.size());
        mv.visitTypeInsn(ANEWARRAY, Rt.OBJ);
        for (int i = 0; i < items.size(); i++) {
            mv.visitInsn(DUP);
            Rt.integer(mv, i);
            x.emit(items.get(i), f, false);
            mv.visitInsn(AASTORE);
        }
    }

    void arrayOfSlots(MethodVisitor mv, int[] slots) {
        arrayOfSlots(mv, slots, null);
    }

    /** An Object[] of the slots' values; dbl marks slots holding unboxed doubles (boxed here). */
    void arrayOfSlots(MethodVisitor mv, int[] slots, boolean[] dbl) {
        arrayOfSlots(mv, slots, dbl, null);
    }

    /** As above; lng marks slots holding exact longs (see IntLoops). */
    void arrayOfSlots(MethodVisitor mv, int[] slots, boolean[] dbl, boolean[] lng) {
        Rt.integer(mv, slots.length);
        mv.visitTypeInsn(ANEWARRAY, Rt.OBJ);
        for (int i = 0; i < slots.length; i++) {
            mv.visitInsn(DUP);
            Rt.integer(mv, i);
            if (lng != null && lng[i]) {
                mv.visitVarInsn(LLOAD, slots[i]);
                mv.visitInsn(L2D);
                Rt.box(mv);
            } else if (dbl != null && dbl[i]) {
                mv.visitVarInsn(DLOAD, slots[i]);
                Rt.box(mv);
            } else {
                mv.visitVarInsn(ALOAD, slots[i]);
            }
            mv.visitInsn(AASTORE);
        }
    }

    void list(ListLit l, Frame f) {
        List<Expr> items = l.items();
        if (items.size() == 2 && !(items.get(0) instanceof Splat) && items.get(1) instanceof Splat s) {
            x.emit(items.get(0), f, false);
            x.line(f, s.span());
            x.loadWord(s.name(), f);
            f.mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "cons", "(" + Rt.OBJ_D + Rt.OBJ_D + ")L" + Rt.LLIST + ";", false);
            return;
        }
        collection(l.items(), f, Rt.LLIST, Rt.LLIST_B, "splatList");
    }

    void set(SetLit s, Frame f) {
        collection(s.items(), f, Rt.LSET, Rt.LSET_B, "splatSet");
    }

    private void collection(List<Expr> items, Frame f, String coll, String builder, String splat) {
        MethodVisitor mv = f.mv;
        if (items.isEmpty()) {
            mv.visitFieldInsn(GETSTATIC, coll, "EMPTY", "L" + coll + ";");
            return;
        }
        mv.visitMethodInsn(INVOKESTATIC, coll, "builder", "()L" + builder + ";", false);
        if (x.chunked(f, items)) {
            // a long literal: chunks of it, each a literal of its own, added in order
            for (List<Expr> chunk : Gen.chunks(items)) {
                x.emit(coll.equals(Rt.LSET) ? new SetLit(chunk.get(0).span(), chunk) : new ListLit(chunk.get(0).span(), chunk), f, false);
                mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, splat, "(L" + builder + ";" + Rt.OBJ_D + ")L" + builder + ";", false);
            }
            mv.visitMethodInsn(INVOKEVIRTUAL, builder, "build", "()L" + coll + ";", false);
            return;
        }
        for (Expr item : items) {
            if (item instanceof Splat s) {
                x.line(f, s.span());
                x.loadWord(s.name(), f);
                mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, splat, "(L" + builder + ";" + Rt.OBJ_D + ")L" + builder + ";", false);
            } else {
                x.emit(item, f, false);
                mv.visitMethodInsn(INVOKEVIRTUAL, builder, "add", "(" + Rt.OBJ_D + ")L" + builder + ";", false);
            }
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, builder, "build", "()L" + coll + ";", false);
    }

    /** A dict literal of at most LDict.SMALL pairs with distinct keys and no splats. */
    private static boolean distinctPairs(DictLit d) {
        if (d.items().size() > dev.ludus.runtime.collection.LDict.SMALL) return false;
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Node item : d.items()) if (!(item instanceof DictPair p) || !keys.add(p.key())) return false;
        return true;
    }

    /**
     * A record literal whose values are each a proven number or proven not one, some numbers:
     * made in the layout that keeps those as doubles, computed unboxed (Rec.ofLayout). False,
     * emitting nothing, for any other.
     */
    private boolean provenLayout(DictLit d, List<String> keys, Frame f) {
        int mask = 0;
        for (int i = 0; i < d.items().size(); i++) {
            Expr v = ((DictPair) d.items().get(i)).value();
            if (x.numeric(v, f)) mask |= 1 << i;
            else if (!m.an.nonNumeric(v)) return false;
        }
        if (mask == 0) return false;
        MethodVisitor mv = f.mv;
        Rt.layout(mv, keys, mask);
        for (int i = 0; i < d.items().size(); i++) {
            Expr v = ((DictPair) d.items().get(i)).value();
            if ((mask & 1 << i) != 0) {
                mv.visitInsn(ACONST_NULL);
                x.emitNum(v, f);
            } else {
                x.emit(v, f, false);
                mv.visitInsn(DCONST_0);
            }
        }
        mv.visitMethodInsn(INVOKESTATIC, Rt.REC, "ofLayout", "(" + Rt.SHAPE_D + (Rt.OBJ_D + "D").repeat(keys.size()) + ")L" + Rt.LDICT + ";", false);
        return true;
    }

    void dict(DictLit d, Frame f) {
        MethodVisitor mv = f.mv;
        if (d.items().isEmpty()) {
            mv.visitFieldInsn(GETSTATIC, Rt.LDICT, "EMPTY", "L" + Rt.LDICT + ";");
            return;
        }
        if (distinctPairs(d)) {
            // distinct constant keys, no splats: a shaped record (runtime Rec), its shape a
            // class constant, its values in fields (up to Rec.MAX_FIELDS) or one array
            int n = d.items().size();
            List<String> keys = new java.util.ArrayList<>(n);
            for (Node item : d.items()) keys.add(((DictPair) item).key());
            if (n <= dev.ludus.runtime.collection.WideNumRecs.MAX_KEYS && provenLayout(d, keys, f)) return;
            Rt.shape(mv, keys);
            if (n <= dev.ludus.runtime.collection.Rec.MAX_FIELDS) {
                for (Node item : d.items()) x.emit(((DictPair) item).value(), f, false);
                mv.visitMethodInsn(INVOKESTATIC, Rt.REC, "of", "(" + Rt.SHAPE_D + Rt.OBJ_D.repeat(n) + ")L" + Rt.LDICT + ";", false);
                return;
            }
            Rt.integer(mv, n);
            mv.visitTypeInsn(ANEWARRAY, Rt.OBJ);
            int i = 0;
            for (Node item : d.items()) {
                mv.visitInsn(DUP);
                Rt.integer(mv, i++);
                x.emit(((DictPair) item).value(), f, false);
                mv.visitInsn(AASTORE);
            }
            mv.visitMethodInsn(INVOKESTATIC, Rt.REC, "of", "(" + Rt.SHAPE_D + Rt.OBJS_D + ")L" + Rt.LDICT + ";", false);
            return;
        }
        if (m.an.restUpdate(d)) {
            // #{...rest, :k v, ...} giving back the keys a dict pattern took (analyse.RestUpdates):
            // rest names the dict the pattern matched, made into this one in one step
            Splat s = (Splat) d.items().get(0);
            List<String> keys = new java.util.ArrayList<>();
            for (Node item : d.items().subList(1, d.items().size())) keys.add(((DictPair) item).key());
            x.loadWord(s.name(), f);
            mv.visitTypeInsn(CHECKCAST, Rt.LDICT);
            Rt.keys(mv, keys);
            for (Node item : d.items().subList(1, d.items().size())) x.emit(((DictPair) item).value(), f, false);
            mv.visitMethodInsn(INVOKESTATIC, Rt.PATTERNS, "restUpdate",
                    "(L" + Rt.LDICT + ";[" + Rt.KEYWORD_D + Rt.OBJ_D.repeat(keys.size()) + ")L" + Rt.LDICT + ";", false);
            return;
        }
        mv.visitMethodInsn(INVOKESTATIC, Rt.LDICT, "builder", "()L" + Rt.LDICT_B + ";", false);
        if (x.chunked(f, d.items())) {
            for (List<Node> chunk : Gen.chunks(d.items())) {
                x.emit(new DictLit(chunk.get(0).span(), chunk), f, false);
                mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "splatDict", "(L" + Rt.LDICT_B + ";" + Rt.OBJ_D + ")L" + Rt.LDICT_B + ";", false);
            }
            mv.visitMethodInsn(INVOKEVIRTUAL, Rt.LDICT_B, "build", "()L" + Rt.LDICT + ";", false);
            return;
        }
        for (Node item : d.items()) {
            if (item instanceof Splat s) {
                x.loadWord(s.name(), f);
                x.line(f, s.span());
                mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "splatDict", "(L" + Rt.LDICT_B + ";" + Rt.OBJ_D + ")L" + Rt.LDICT_B + ";", false);
            } else {
                DictPair p = (DictPair) item;
                Rt.keyword(mv, p.key());
                x.emit(p.value(), f, false);
                mv.visitMethodInsn(INVOKEVIRTUAL, Rt.LDICT_B, "put", "(" + Rt.KEYWORD_D + Rt.OBJ_D + ")L" + Rt.LDICT_B + ";", false);
            }
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, Rt.LDICT_B, "build", "()L" + Rt.LDICT + ";", false);
    }

}
