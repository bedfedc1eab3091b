package io.dockwarden.benchmarks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    @Test
    void readsKibFieldsOfAStatusFile() {
        String status = "Name:\tjava\nVmPeak:\t 5000000 kB\nVmHWM:\t  412344 kB\nVmRSS:\t  398212 kB\n";
        assertThat(ProcessMemory.field(status, "VmRSS")).hasValue(398_212);
        assertThat(ProcessMemory.field(status, "VmHWM")).hasValue(412_344);
        assertThat(ProcessMemory.field(status, "VmSwap")).isEmpty();
    }

    @Test
    void measuresARunningProcessAndNothingOfAGoneOne() {
        long self = ProcessHandle.current().pid();
        assertThat(ProcessMemory.rssKib(self).orElseThrow()).isPositive();
        assertThat(ProcessMemory.peakRssKib(self).orElseThrow())
                .isGreaterThanOrEqualTo(ProcessMemory.rssKib(self).orElseThrow() / 2);
        assertThat(ProcessMemory.rssKib(Long.MAX_VALUE)).isEmpty();
    }
}
