package io.dockwarden.benchmarks;

import io.dockwarden.benchmarks.footprint.Footprints;
import io.dockwarden.benchmarks.stack.BenchStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a benchmark gets: the options, where results go, the footprints other benchmarks recorded, and stacks that
 * are stopped even when the run is cut short.
 */
public final class BenchContext {

    private final Options options;
    private final Path resultsDirectory;
    private final Footprints footprints;
    private final List<BenchStack> open = new ArrayList<>();

    public BenchContext(Options options, Path resultsDirectory, Footprints footprints) {
        this.options = options;
        this.resultsDirectory = resultsDirectory;
        this.footprints = footprints;
    }

    public Options options() {
        return options;
    }

    public Path resultsDirectory() {
        return resultsDirectory;
    }

    public Footprints footprints() {
        return footprints;
    }

    /** A stack whose service logs are kept under {@code logs/<benchmark>/}; close it when done. */
    public synchronized BenchStack newStack(String benchmark) {
        BenchStack stack = BenchStack.create(options.home(), resultsDirectory.resolve("logs").resolve(benchmark));
        open.add(stack);
        return stack;
    }

    /** Stops whatever stacks are still open, such as when the run is stopped. */
    public synchronized void closeAll() {
        for (BenchStack stack : open) {
            stack.close();
        }
        open.clear();
    }
}
