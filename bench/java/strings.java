/** 200,000 lines "item I: 3I" built in one StringBuilder. */
public final class strings {
    static double bench() {
        StringBuilder sb = new StringBuilder();
        for (double i = 0; i < 200_000; i++) {
            if (i > 0) sb.append('\n');
            sb.append("item ").append(BenchMain.show(i)).append(": ").append(BenchMain.show(i * 3));
        }
        String text = sb.toString();
        return text.codePointCount(0, text.length());
    }

    public static void main(String[] args) { BenchMain.run(args, strings::bench); }
}
