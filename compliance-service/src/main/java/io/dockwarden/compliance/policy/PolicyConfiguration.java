package io.dockwarden.compliance.policy;

import io.dockwarden.compliance.ComplianceProperties;
import io.dockwarden.compliance.checks.Check;
import io.dockwarden.compliance.checks.CheckCatalogue;
import io.dockwarden.compliance.checks.CheckSettings;
import io.dockwarden.compliance.checks.cis.CisChecks;
import io.dockwarden.compliance.checks.rules.RuleFiles;
import io.dockwarden.compliance.definitions.DefinitionException;
import io.dockwarden.compliance.waivers.CentralWaiver;
import io.dockwarden.compliance.waivers.CentralWaiverFile;
import io.dockwarden.compliance.waivers.LabelWaiverCheck;
import io.dockwarden.compliance.waivers.WaiverBook;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The policy in force and the watchers that keep it in step with the rule and waiver files. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    PolicyHolder policyHolder(ComplianceProperties properties) {
        ComplianceProperties.Checks checks = properties.checks();
        CheckSettings settings = new CheckSettings(checks.daemonNoNewPrivileges(),
                Set.copyOf(checks.allowedCgroupParents()), checks.remoteLoggingDeclared(),
                Set.copyOf(checks.declaredSeccompProfiles()), Set.copyOf(checks.secretEnvNameAllowList()),
                Set.copyOf(checks.disabled()));
        List<Check> builtIn = new ArrayList<>(CisChecks.all(settings));
        if (!checks.disabled().contains(LabelWaiverCheck.ID)) {
            builtIn.add(new LabelWaiverCheck(properties.waivers().labelMaximum()));
        }
        return new PolicyHolder(new CheckCatalogue(builtIn), properties.waivers().labelMaximum());
    }

    @Bean
    PolicyWatcher policyWatcher(ComplianceProperties properties, PolicyHolder holder, MeterRegistry registry) {
        List<DefinitionSource<?>> sources = new ArrayList<>();
        if (properties.rules().directory() != null) {
            Set<String> reserved = new HashSet<>();
            holder.builtIn().all().forEach(check -> reserved.add(check.id()));
            reserved.add(LabelWaiverCheck.ID);
            sources.add(new DefinitionSource<List<Check>>("custom rules", properties.rules().directory(), true,
                    files -> {
                        RuleFiles.Loaded loaded = RuleFiles.load(files, reserved);
                        return new DefinitionSource.Parsed<>(loaded.accepted() ? loaded.rules() : null,
                                loaded.problems());
                    }, holder::replaceCustomRules));
        }
        if (properties.waivers().file() != null) {
            sources.add(new DefinitionSource<WaiverBook>("central waivers", properties.waivers().file(), false,
                    PolicyConfiguration::parseWaivers, holder::replaceWaivers));
        }
        return new PolicyWatcher(sources, properties.rules().reloadInterval(), properties.waivers().reloadInterval(),
                registry);
    }

    /** A rejected file does not stop evaluation (the last good set stays), so it shows as details, not as down. */
    @Bean
    HealthIndicator policyHealthIndicator(PolicyWatcher watcher) {
        return watcher::health;
    }

    private static DefinitionSource.Parsed<WaiverBook> parseWaivers(Map<String, String> files) {
        List<CentralWaiver> waivers = new ArrayList<>();
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                waivers.addAll(CentralWaiverFile.parse(file.getKey(), file.getValue()));
            }
        } catch (DefinitionException e) {
            return new DefinitionSource.Parsed<>(null, List.of(e.problem()));
        }
        return new DefinitionSource.Parsed<>(new WaiverBook(waivers), List.of());
    }
}
