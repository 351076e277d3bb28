package org.convoy.support.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The property runner: many drawn inputs, a failure shrunk to a small one, and a seed to replay it. */
class ForAllTest {

    @AfterEach
    void forgetTheSeed() {
        System.clearProperty(ForAll.SEED);
    }

    @Test
    void aPropertyThatHoldsIsTriedOnAsManyInputsAsAsked() {
        List<Integer> tried = new ArrayList<>();

        ForAll.inputs(gen -> gen.between(1, 6)).tries(250).check(tried::add);

        assertThat(tried).hasSize(250).allSatisfy(n -> assertThat(n).isBetween(1, 6));
        assertThat(tried).as("the draws vary").contains(1, 6);
    }

    @Test
    void aFailureIsShrunkToASmallestFailingInputAndNamesTheSeedThatReplaysIt() {
        ForAll<List<Integer>> lists = ForAll.inputs(gen -> gen.listOf(5, 30, g -> g.between(0, 100))).tries(200)
                .shrinking(ForAll::oneLess);

        Throwable failure = catchFailure(() -> lists.check(list -> assertThat(list).doesNotContain(42)));

        assertThat(failure.getMessage()).contains("Smallest failing input found", "[42]");
        Matcher seed = Pattern.compile("-D" + Pattern.quote(ForAll.SEED) + "=(-?\\d+)").matcher(failure.getMessage());
        assertThat(seed.find()).isTrue();

        System.setProperty(ForAll.SEED, seed.group(1));
        Throwable replayed = catchFailure(() -> lists.check(list -> assertThat(list).doesNotContain(42)));
        assertThat(replayed.getMessage()).contains("failed on try 1 of 200", "[42]");
    }

    @Test
    void theSameSeedDrawsTheSameInputs() {
        System.setProperty(ForAll.SEED, "20230227");
        List<List<Integer>> first = ForAll.inputs(gen -> gen.listOf(0, 10, g -> g.between(0, 9))).tries(20).samples();
        List<List<Integer>> second = ForAll.inputs(gen -> gen.listOf(0, 10, g -> g.between(0, 9))).tries(20).samples();

        assertThat(first).isEqualTo(second);
    }

    private static Throwable catchFailure(ThrowingCallable check) {
        Throwable failure = catchThrowable(check);
        assertThat(failure).as("the property should have failed").isInstanceOf(AssertionError.class);
        return failure;
    }
}
