package io.dockwarden.benchmarks.stack;

import io.dockwarden.localstack.ServiceProcess;

/**
 * A service the stack started, with what its start cost.
 *
 * @param process the child JVM
 * @param startMillis from launching the JVM until its health endpoint said UP
 * @param rssAfterStartMiB resident set when it first said UP
 */
public record RunningService(ServiceProcess process, long startMillis, double rssAfterStartMiB) {

    public String name() {
        return process.name();
    }

    public int port() {
        return process.port();
    }

    public long pid() {
        return process.pid();
    }

    public Actuator actuator() {
        return new Actuator(process.port());
    }

    /** Samples this service's resident set and heap until closed. */
    public MemorySampler sampleMemory(long intervalMillis) {
        return MemorySampler.ofService(pid(), actuator(), intervalMillis);
    }
}
