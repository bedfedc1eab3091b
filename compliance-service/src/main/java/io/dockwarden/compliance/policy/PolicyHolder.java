package io.dockwarden.compliance.policy;

import io.dockwarden.compliance.checks.Check;
import io.dockwarden.compliance.checks.CheckCatalogue;
import io.dockwarden.compliance.findings.Assessor;
import io.dockwarden.compliance.waivers.WaiverBook;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The policy in force: the catalogue (built-in checks plus the accepted custom rules) and the central waivers.
 * Readers get an immutable {@link Assessor}; a reload swaps it atomically and tells the listeners, which re-evaluate.
 */
public final class PolicyHolder implements Supplier<Assessor> {

    private final CheckCatalogue builtIn;
    private final Duration labelWaiverMaximum;
    private final AtomicReference<Assessor> current;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public PolicyHolder(CheckCatalogue builtIn, Duration labelWaiverMaximum) {
        this.builtIn = builtIn;
        this.labelWaiverMaximum = labelWaiverMaximum;
        this.current = new AtomicReference<>(new Assessor(builtIn, WaiverBook.EMPTY, labelWaiverMaximum));
    }

    @Override
    public Assessor get() {
        return current.get();
    }

    public CheckCatalogue catalogue() {
        return current.get().catalogue();
    }

    public CheckCatalogue builtIn() {
        return builtIn;
    }

    public WaiverBook waivers() {
        return current.get().waivers();
    }

    public void replaceCustomRules(List<Check> rules) {
        current.updateAndGet(assessor -> new Assessor(builtIn.with(rules), assessor.waivers(), labelWaiverMaximum));
        listeners.forEach(Runnable::run);
    }

    public void replaceWaivers(WaiverBook waivers) {
        current.updateAndGet(assessor -> new Assessor(assessor.catalogue(), waivers, labelWaiverMaximum));
        listeners.forEach(Runnable::run);
    }

    /** Called after every change of checks or waivers. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
