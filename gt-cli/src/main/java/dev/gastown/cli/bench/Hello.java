package dev.gastown.cli.bench;

/** The baseline the benchmarks print next to every figure: a bare JVM start. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
