package io.dockwarden.compliance.checks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks in force, in catalogue order: a list, not a switch. Immutable; a rule reload makes a new catalogue.
 */
public final class CheckCatalogue {

    private final List<ContainerCheck> containerChecks;
    private final List<HostCheck> hostChecks;
    private final Map<String, Check> byId;

    public CheckCatalogue(Collection<? extends Check> checks) {
        List<ContainerCheck> containers = new ArrayList<>();
        List<HostCheck> hosts = new ArrayList<>();
        Map<String, Check> index = new LinkedHashMap<>();
        for (Check check : checks) {
            if (index.putIfAbsent(check.id(), check) != null) {
                throw new IllegalArgumentException("two checks have the id " + check.id());
            }
            if (check instanceof ContainerCheck container) {
                containers.add(container);
            } else {
                hosts.add((HostCheck) check);
            }
        }
        this.containerChecks = List.copyOf(containers);
        this.hostChecks = List.copyOf(hosts);
        this.byId = Map.copyOf(index);
    }

    public List<ContainerCheck> containerChecks() {
        return containerChecks;
    }

    public List<HostCheck> hostChecks() {
        return hostChecks;
    }

    /** Every check, container checks first, each group in catalogue order. */
    public List<Check> all() {
        List<Check> all = new ArrayList<>(containerChecks);
        all.addAll(hostChecks);
        return all;
    }

    public Optional<Check> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** This catalogue with other checks appended (custom rules after the built-in ones). */
    public CheckCatalogue with(Collection<? extends Check> more) {
        List<Check> all = all();
        all.addAll(more);
        return new CheckCatalogue(all);
    }

    public int size() {
        return byId.size();
    }
}
