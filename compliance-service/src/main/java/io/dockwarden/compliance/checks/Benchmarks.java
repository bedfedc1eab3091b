package io.dockwarden.compliance.checks;

/** Names of the benchmarks findings cite; a finding always carries the benchmark beside the check id. */
public final class Benchmarks {

    /** Section 4 and 5 ids and titles are unchanged in v1.7.0 and v1.8.0; v1.8.0 renumbers section 2 from 2.7. */
    public static final String CIS_DOCKER_1_6_0 = "CIS Docker Benchmark v1.6.0";
    /** Checks of Dockwarden itself, such as the validity of label waivers. */
    public static final String DOCKWARDEN = "Dockwarden";
    /** Custom rules written by operators. */
    public static final String CUSTOM = "Custom rules";

    private Benchmarks() {
    }
}
