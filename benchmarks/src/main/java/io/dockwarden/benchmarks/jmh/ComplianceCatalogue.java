package io.dockwarden.benchmarks.jmh;

import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.finding.FindingEvent;
import io.dockwarden.events.host.HostSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.jspecify.annotations.Nullable;

/**
 * The compliance service's check catalogue and finding lifecycle, loaded from the service's own jar: what is measured
 * is exactly what the service runs, and this module compiles whatever the service's internals look like. The
 * service's classes come from {@code BOOT-INF/classes} of its Spring Boot jar; the contract's classes they use are
 * this module's own (the class loader asks its parent first).
 */
public final class ComplianceCatalogue {

    /** The system property naming the directory that holds the service's extracted classes (for JMH forks). */
    public static final String CLASSES_PROPERTY = "dockwarden.compliance.classes";
    private static final String PREFIX = "BOOT-INF/classes/";
    private static final String PACKAGE = "io.dockwarden.compliance.";

    private final Object assessor;
    private final MethodHandle assessContainer;
    private final MethodHandle advance;
    private final Constructor<?> subject;
    private final MethodHandle stepEvents;
    private final MethodHandle eventId;
    private final MethodHandle eventTime;
    private final MethodHandle eventData;
    private final MethodHandle assessmentCheck;
    private final MethodHandle assessmentVerdict;
    private final MethodHandle checkId;
    private final int containerChecks;

    private ComplianceCatalogue(ClassLoader loader) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> settingsClass = loader.loadClass(PACKAGE + "checks.CheckSettings");
        Class<?> catalogueClass = loader.loadClass(PACKAGE + "checks.CheckCatalogue");
        Class<?> waiverBookClass = loader.loadClass(PACKAGE + "waivers.WaiverBook");
        Class<?> assessorClass = loader.loadClass(PACKAGE + "findings.Assessor");
        Class<?> assessmentClass = loader.loadClass(PACKAGE + "findings.Assessment");
        Class<?> checkInfoClass = loader.loadClass(PACKAGE + "checks.CheckInfo");
        Class<?> lifecycleClass = loader.loadClass(PACKAGE + "findings.FindingLifecycle");
        Class<?> subjectClass = loader.loadClass(PACKAGE + "findings.FindingLifecycle$Subject");
        Class<?> stepClass = loader.loadClass(PACKAGE + "findings.FindingLifecycle$Step");
        Class<?> identifiedClass = loader.loadClass(PACKAGE + "findings.IdentifiedEvent");

        Object settings = settingsClass.getMethod("defaults").invoke(null);
        @SuppressWarnings("unchecked")
        List<Object> checks = (List<Object>) loader.loadClass(PACKAGE + "checks.cis.CisChecks")
                .getMethod("all", settingsClass).invoke(null, settings);
        Object catalogue = catalogueClass.getConstructor(Collection.class).newInstance(checks);
        containerChecks = ((List<?>) catalogueClass.getMethod("containerChecks").invoke(catalogue)).size();
        Object waivers = waiverBookClass.getField("EMPTY").get(null);
        assessor = assessorClass.getConstructor(catalogueClass, waiverBookClass, Duration.class)
                .newInstance(catalogue, waivers, Duration.ofDays(180));
        assessContainer = lookup.findVirtual(assessorClass, "assessContainer", MethodType.methodType(List.class,
                String.class, ContainerSnapshot.class, HostSnapshot.class, Instant.class));
        advance = lookup.findStatic(lifecycleClass, "advance", MethodType.methodType(stepClass, subjectClass,
                Map.class, List.class, Instant.class, Instant.class, Duration.class));
        subject = subjectClass.getConstructor(String.class, String.class, String.class, String.class);
        stepEvents = lookup.findVirtual(stepClass, "events", MethodType.methodType(List.class));
        eventId = lookup.findVirtual(identifiedClass, "id", MethodType.methodType(String.class));
        eventTime = lookup.findVirtual(identifiedClass, "time", MethodType.methodType(Instant.class));
        eventData = lookup.findVirtual(identifiedClass, "data", MethodType.methodType(FindingEvent.class));
        assessmentCheck = lookup.findVirtual(assessmentClass, "check", MethodType.methodType(checkInfoClass));
        assessmentVerdict = lookup.findVirtual(assessmentClass, "verdict",
                MethodType.methodType(loader.loadClass(PACKAGE + "checks.Verdict")));
        checkId = lookup.findVirtual(checkInfoClass, "id", MethodType.methodType(String.class));
    }

    /** Loads the catalogue from the service's jar, extracting its classes next to it in a temporary directory. */
    public static ComplianceCatalogue fromServiceJar(Path serviceJar) {
        return fromClasses(extractClasses(serviceJar));
    }

    /** Loads the catalogue from classes extracted earlier (a JMH fork gets the directory from its parent). */
    public static ComplianceCatalogue fromClasses(Path classes) {
        try {
            URLClassLoader loader = new URLClassLoader("compliance-service", new URL[] {classes.toUri().toURL()},
                    ComplianceCatalogue.class.getClassLoader());
            return new ComplianceCatalogue(loader);
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("the compliance service's classes in " + classes + " do not offer the "
                    + "catalogue and lifecycle this benchmark drives (CisChecks.all, Assessor.assessContainer, "
                    + "FindingLifecycle.advance): " + e, e);
        }
    }

    /** Extracts {@code BOOT-INF/classes} of a Spring Boot jar into a new temporary directory. */
    public static Path extractClasses(Path serviceJar) {
        if (!Files.isRegularFile(serviceJar)) {
            throw new IllegalStateException(serviceJar + " is missing: build the services first (./mvnw -B "
                    + "-DskipTests install)");
        }
        try (JarFile jar = new JarFile(serviceJar.toFile())) {
            Path target = Files.createTempDirectory("dockwarden-compliance-classes-");
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(PREFIX) || entry.isDirectory()) {
                    continue;
                }
                Path file = target.resolve(entry.getName().substring(PREFIX.length())).normalize();
                if (!file.startsWith(target)) {
                    throw new IllegalStateException("unexpected entry " + entry.getName() + " in " + serviceJar);
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + serviceJar, e);
        }
    }

    public int containerChecks() {
        return containerChecks;
    }

    /** Every container check's verdict (with waivers), as the service assesses a container. */
    public List<?> assess(String hostId, ContainerSnapshot container, @Nullable HostSnapshot host, Instant now) {
        try {
            return (List<?>) assessContainer.invoke(assessor, hostId, container, host, now);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids of the checks a container fails, in catalogue order. */
    public Set<String> failingChecks(String hostId, ContainerSnapshot container, @Nullable HostSnapshot host,
            Instant now) {
        Set<String> failing = new LinkedHashSet<>();
        try {
            for (Object assessment : assess(hostId, container, host, now)) {
                Object verdict = assessmentVerdict.invoke(assessment);
                if (verdict.getClass().getSimpleName().equals("Fail")) {
                    failing.add((String) checkId.invoke(assessmentCheck.invoke(assessment)));
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return failing;
    }

    /**
     * What the service publishes for a container seen for the first time: the finding events of its failures.
     *
     * @param assessments what {@link #assess} returned
     */
    public List<Opened> firstSighting(String hostId, String containerId, String containerName, String image,
            List<?> assessments, Instant at, Instant now) {
        try {
            Object step = advance.invoke(subject.newInstance(hostId, containerId, containerName, image), Map.of(),
                    assessments, at, now, Duration.ofDays(31));
            List<?> events = (List<?>) stepEvents.invoke(step);
            List<Opened> opened = new ArrayList<>(events.size());
            for (Object event : events) {
                opened.add(new Opened((String) eventId.invoke(event), (Instant) eventTime.invoke(event),
                        (FindingEvent) eventData.invoke(event)));
            }
            return opened;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A finding event as the service would publish it.
     *
     * @param id its deterministic {@code ce_id}
     * @param time its {@code ce_time}
     * @param data the event
     */
    public record Opened(String id, Instant time, FindingEvent data) {
    }
}
