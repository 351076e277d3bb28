package org.convoy.support.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/** Draws test data from one seed, so the same seed always gives the same data. */
public final class Gen {

    private final Random random;

    Gen(long seed) {
        this.random = new Random(seed);
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** A multiple of {@code step} from {@code min} to {@code max}, both included. */
    public int between(int min, int max, int step) {
        return min + step * random.nextInt((max - min) / step + 1);
    }

    /** True with the given probability. */
    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public <E> E oneOf(List<E> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** Between {@code min} and {@code max} distinct elements of {@code options} (fewer if there are not enough). */
    public <E> List<E> some(List<E> options, int min, int max) {
        List<E> shuffled = new ArrayList<>(options);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, Math.min(shuffled.size(), between(min, max))));
    }

    public <E> List<E> listOf(int min, int max, Function<Gen, E> element) {
        int size = between(min, max);
        List<E> elements = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            elements.add(element.apply(this));
        }
        return List.copyOf(elements);
    }

    public UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
