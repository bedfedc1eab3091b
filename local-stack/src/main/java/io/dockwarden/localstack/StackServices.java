package io.dockwarden.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The four services of the stack and how each is configured: by environment variables, as in a container
 * deployment, so that the local stack exercises the same configuration surface as docker compose.
 *
 * @param layout where the jars and logs are
 * @param bootstrapServers the Kafka cluster
 * @param s3 the S3 endpoint
 * @param dockerHost the Docker engine
 * @param backupKeyFile the backup encryption key
 * @param helperImage the image of the backup service's helper containers (available on the engine)
 * @param extraEnvironment more variables per service name, such as a routing file for notifications
 */
public record StackServices(StackLayout layout, String bootstrapServers, S3Endpoint s3, String dockerHost,
        Path backupKeyFile, String helperImage, Map<String, Map<String, String>> extraEnvironment) {

    public static final String REPORTS_BUCKET = "dockwarden-reports";
    public static final String BACKUPS_BUCKET = "dockwarden-backups";

    public static final String INVENTORY = "inventory-service";
    public static final String COMPLIANCE = "compliance-service";
    public static final String BACKUP = "backup-service";
    public static final String NOTIFICATION = "notification-service";

    public List<ServiceProcess> all() {
        return List.of(inventory(8081), compliance(8082), backup(8083), notification(8084));
    }

    public ServiceProcess inventory(int port) {
        Map<String, String> env = common(INVENTORY);
        env.put("DOCKWARDEN_INVENTORY_DOCKER_HOST", dockerHost);
        return process(INVENTORY, port, env);
    }

    public ServiceProcess compliance(int port) {
        Map<String, String> env = common(COMPLIANCE);
        env.put("DOCKWARDEN_COMPLIANCE_S3_ENDPOINT", s3.url());
        env.put("DOCKWARDEN_COMPLIANCE_S3_ACCESS_KEY", s3.accessKey());
        env.put("DOCKWARDEN_COMPLIANCE_S3_SECRET_KEY", s3.secretKey());
        env.put("DOCKWARDEN_COMPLIANCE_REPORTS_BUCKET", REPORTS_BUCKET);
        return process(COMPLIANCE, port, env);
    }

    public ServiceProcess backup(int port) {
        Map<String, String> env = common(BACKUP);
        env.put("DOCKWARDEN_BACKUP_DOCKER_HOST", dockerHost);
        env.put("DOCKWARDEN_BACKUP_S3_ENDPOINT", s3.url());
        env.put("DOCKWARDEN_BACKUP_S3_ACCESS_KEY", s3.accessKey());
        env.put("DOCKWARDEN_BACKUP_S3_SECRET_KEY", s3.secretKey());
        env.put("DOCKWARDEN_BACKUP_S3_BUCKET", BACKUPS_BUCKET);
        env.put("DOCKWARDEN_BACKUP_ENCRYPTION_KEY_FILE", backupKeyFile.toString());
        env.put("DOCKWARDEN_BACKUP_HELPER_IMAGE", helperImage);
        return process(BACKUP, port, env);
    }

    public ServiceProcess notification(int port) {
        Map<String, String> env = common(NOTIFICATION);
        env.put("DOCKWARDEN_NOTIFICATION_ARCHIVE_ENDPOINT", s3.url());
        env.put("DOCKWARDEN_NOTIFICATION_ARCHIVE_ACCESS_KEY", s3.accessKey());
        env.put("DOCKWARDEN_NOTIFICATION_ARCHIVE_SECRET_KEY", s3.secretKey());
        return process(NOTIFICATION, port, env);
    }

    private Map<String, String> common(String service) {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        return env;
    }

    private ServiceProcess process(String service, int port, Map<String, String> env) {
        env.putAll(extraEnvironment.getOrDefault(service, Map.of()));
        return new ServiceProcess(service, layout.serviceJar(service), port, env,
                layout.logs().resolve(service + ".log"));
    }
}
