package io.dockwarden.benchmarks;

import io.dockwarden.benchmarks.results.Figure;
import java.util.List;

/** One benchmark of the suite: it starts what it needs, measures, stops everything and returns its figures. */
public interface Benchmark {

    String name();

    List<Figure> run(BenchContext context) throws Exception;
}
