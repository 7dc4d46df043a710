package dev.ludus.runtime.collection;

import static org.junit.jupiter.api.Assertions.*;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link LList#cons} is one method larger than HotSpot C2's FreqInlineSize (325 bytes of
 * bytecode), so that C2 calls it rather than inlining its compare-and-set and copy into every fn
 * that conses (twice into a fn it inlines into itself: queens' place and its fold's fn, whose one
 * large compile then came only after 7-9 benchmark iterations). Splitting it into small helpers
 * again would silently undo that; this test reads the method's size from LList's class file.
 */
class LListConsShapeTest {
    /** C2's FreqInlineSize on Java 17 and 25 (x86-64 and aarch64): hot callees up to this size are inlined. */
    private static final int FREQ_INLINE_SIZE = 325;

    @Test
    void consIsTooLargeForC2ToInline() throws IOException {
        int size = codeLength(LList.class, "cons", "(Ljava/lang/Object;)Ldev/ludus/runtime/collection/LList;");
        assertTrue(size > FREQ_INLINE_SIZE, "LList.cons has " + size + " bytes of bytecode; C2 would inline it");
    }

    /** The length of the Code attribute of method name+desc in c's class file (-1: not found). */
    static int codeLength(Class<?> c, String name, String desc) throws IOException {
        try (InputStream raw = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            assertNotNull(raw, "class file of " + c);
            DataInputStream in = new DataInputStream(raw);
            assertEquals(0xCAFEBABE, in.readInt());
            in.readUnsignedShort();
            in.readUnsignedShort();
            int n = in.readUnsignedShort();
            String[] utf8 = new String[n];
            for (int i = 1; i < n; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> { in.skipBytes(8); i++; }
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    default -> fail("constant pool tag " + tag);
                }
            }
            in.skipBytes(6);
            in.skipBytes(2 * in.readUnsignedShort());
            skipMembers(in);
            int methods = in.readUnsignedShort();
            for (int m = 0; m < methods; m++) {
                in.readUnsignedShort();
                String mName = utf8[in.readUnsignedShort()];
                String mDesc = utf8[in.readUnsignedShort()];
                int attrs = in.readUnsignedShort();
                for (int a = 0; a < attrs; a++) {
                    String aName = utf8[in.readUnsignedShort()];
                    int len = in.readInt();
                    if (aName.equals("Code") && mName.equals(name) && mDesc.equals(desc)) {
                        in.skipBytes(4);
                        return in.readInt();
                    }
                    in.skipBytes(len);
                }
            }
            return -1;
        }
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int f = 0; f < count; f++) {
            in.skipBytes(6);
            int attrs = in.readUnsignedShort();
            for (int a = 0; a < attrs; a++) {
                in.skipBytes(2);
                in.skipBytes(in.readInt());
            }
        }
    }
}
