package io.dockwarden.benchmarks.footprint;

import io.dockwarden.benchmarks.stack.MemorySampler;
import io.dockwarden.benchmarks.stack.RunningService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What each service cost where a benchmark started and loaded it: start time and memory after start from its first
 * start, memory under load from the heaviest load seen.
 */
public final class Footprints {

    private final Map<String, Footprint> byService = new LinkedHashMap<>();

    /** Records a start; the first start of a service counts (later ones may find a warm page cache). */
    public synchronized void started(RunningService service) {
        byService.putIfAbsent(service.name(), new Footprint(service.name(), service.startMillis(),
                service.rssAfterStartMiB(), 0, 0, ""));
    }

    /** Records memory sampled while a benchmark loaded a service. */
    public synchronized void underLoad(String service, MemorySampler sampler, String load) {
        Footprint known = byService.get(service);
        if (known == null) {
            return;
        }
        double rss = Math.max(sampler.maxRssMiB(), sampler.peakRssMiB());
        if (rss > known.rssUnderLoadMiB()) {
            byService.put(service, new Footprint(service, known.startMillis(), known.rssAfterStartMiB(), rss,
                    sampler.maxHeapMiB(), load));
        }
    }

    public synchronized Optional<Footprint> of(String service) {
        return Optional.ofNullable(byService.get(service));
    }

    /**
     * One service's cost.
     *
     * @param service the service
     * @param startMillis from launch to healthy
     * @param rssAfterStartMiB resident set when healthy
     * @param rssUnderLoadMiB the largest resident set under load (0 if not loaded)
     * @param heapUnderLoadMiB the largest heap in use under load
     * @param load which load
     */
    public record Footprint(String service, long startMillis, double rssAfterStartMiB, double rssUnderLoadMiB,
            double heapUnderLoadMiB, String load) {
    }
}
