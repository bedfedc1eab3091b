package io.dockwarden.benchmarks.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void groupsWholeNumbersWithoutDecimals() {
        assertThat(Numbers.format(200_000)).isEqualTo("200,000");
        assertThat(Numbers.format(0)).isEqualTo("0");
    }

    @Test
    void keepsThreeSignificantDigits() {
        assertThat(Numbers.format(1234.567)).isEqualTo("1,235");
        assertThat(Numbers.format(12.3456)).isEqualTo("12.3");
        assertThat(Numbers.format(1.23456)).isEqualTo("1.23");
        assertThat(Numbers.format(0.0123456)).isEqualTo("0.0123");
        assertThat(Numbers.format(0.5)).isEqualTo("0.500");
    }
}
