package org.convoy.support.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks a property on many generated inputs: each try draws its input from a seed of its own ({@link Gen}). When a
 * try fails, the input is shrunk to the smallest of the smaller inputs offered that still fails, and the failure
 * names the try's seed: {@code -Dconvoy.seed=<seed>} makes it the first input of the next run.
 *
 * <pre>{@code
 * ForAll.inputs(gen -> gen.between(1, 10)).tries(200).check(n -> assertThat(n).isPositive());
 * }</pre>
 */
public final class ForAll<T> {

    /** The system property that fixes the first seed. */
    public static final String SEED = "convoy.seed";

    private static final int MOST_SHRINK_STEPS = 2_000;

    private final Function<Gen, T> generator;
    private int tries = 100;
    private Function<T, List<T>> smaller = input -> List.of();

    private ForAll(Function<Gen, T> generator) {
        this.generator = generator;
    }

    public static <T> ForAll<T> inputs(Function<Gen, T> generator) {
        return new ForAll<>(generator);
    }

    public ForAll<T> tries(int count) {
        this.tries = count;
        return this;
    }

    /** @param shrinker the inputs one step smaller than the one given (fewer elements, say), or none */
    public ForAll<T> shrinking(Function<T, List<T>> shrinker) {
        this.smaller = shrinker;
        return this;
    }

    /** The inputs a check would try, for looking at what the generator draws. */
    public List<T> samples() {
        List<T> inputs = new ArrayList<>(tries);
        Seeds seeds = new Seeds();
        for (int i = 0; i < tries; i++) {
            inputs.add(generator.apply(new Gen(seeds.next())));
        }
        return inputs;
    }

    public void check(Consumer<T> property) {
        Seeds seeds = new Seeds();
        for (int i = 1; i <= tries; i++) {
            long seed = seeds.next();
            T input = generator.apply(new Gen(seed));
            Throwable failure = failure(property, input);
            if (failure != null) {
                throw shrunk(property, input, failure, i, seed);
            }
        }
    }

    /** The lists one element shorter than {@code elements}: a shrinker for inputs that are lists. */
    public static <E> List<List<E>> oneLess(List<E> elements) {
        List<List<E>> shorter = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            List<E> without = new ArrayList<>(elements);
            without.remove(i);
            shorter.add(List.copyOf(without));
        }
        return shorter;
    }

    private AssertionError shrunk(Consumer<T> property, T input, Throwable failure, int attempt, long seed) {
        T smallest = input;
        Throwable smallestFailure = failure;
        int steps = 0;
        boolean shrinking = true;
        while (shrinking && steps < MOST_SHRINK_STEPS) {
            shrinking = false;
            for (T candidate : smaller.apply(smallest)) {
                steps++;
                Throwable candidateFailure = failure(property, candidate);
                if (candidateFailure != null) {
                    smallest = candidate;
                    smallestFailure = candidateFailure;
                    shrinking = true;
                    break;
                }
            }
        }
        return new AssertionError("""
                Property failed on try %d of %d; replay it first with -D%s=%d
                Smallest failing input found (%d shrink steps):
                %s
                Failure: %s""".formatted(attempt, tries, SEED, seed, steps, smallest, smallestFailure.getMessage()),
                smallestFailure);
    }

    private static <T> Throwable failure(Consumer<T> property, T input) {
        try {
            property.accept(input);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }

    /** The given seed first, if any, then seeds drawn from it; a fresh one every run otherwise. */
    private static final class Seeds {

        private final Long fixed = Long.getLong(SEED);
        private final Random source = new Random(fixed != null ? fixed : new Random().nextLong());
        private boolean first = true;

        long next() {
            if (first && fixed != null) {
                first = false;
                return fixed;
            }
            return source.nextLong();
        }
    }
}
