/** Startup floor: the smallest Java program (compare with the compiled Ludus hello.jar). */
public final class hello {
    public static void main(String[] args) { System.out.println("Hello, world!"); }
}
