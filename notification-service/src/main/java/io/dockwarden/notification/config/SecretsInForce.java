package io.dockwarden.notification.config;

import io.dockwarden.notification.routing.RoutingConfig;
import io.dockwarden.notification.secrets.Secret;
import io.dockwarden.notification.secrets.SecretRedactor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The redactor for every secret the service holds now: the routing file's and the properties'. */
final class SecretsInForce implements Supplier<SecretRedactor> {

    private final List<Secret> fromProperties;
    private volatile SecretRedactor redactor;

    SecretsInForce(NotificationProperties properties, RoutingConfig routing) {
        List<Secret> secrets = new ArrayList<>();
        if (properties.email().password() != null) {
            secrets.add(properties.email().password());
        }
        if (properties.archive().secretKey() != null) {
            secrets.add(properties.archive().secretKey());
        }
        this.fromProperties = List.copyOf(secrets);
        update(routing);
    }

    void update(RoutingConfig routing) {
        List<Secret> all = new ArrayList<>(fromProperties);
        all.addAll(routing.secrets());
        redactor = SecretRedactor.of(all);
    }

    @Override
    public SecretRedactor get() {
        return redactor;
    }
}
