package io.dockwarden.benchmarks.backup;

import io.dockwarden.testsupport.s3.S3Server;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * restic, the peer: a repository (format 2, compression auto) in a bucket of the same S3 server the service writes
 * to. Credentials and the repository password travel in environment variables only, never on a command line.
 */
final class Restic {

    private final String repository;
    private final Map<String, String> environment;
    private final Path logs;

    Restic(S3Server s3, String bucket, Path cacheDirectory, Path logs) {
        byte[] password = new byte[24];
        new SecureRandom().nextBytes(password);
        this.repository = "s3:" + s3.endpoint() + "/" + bucket;
        this.environment = Map.of(
                "AWS_ACCESS_KEY_ID", s3.accessKey(),
                "AWS_SECRET_ACCESS_KEY", s3.secretKey(),
                "AWS_DEFAULT_REGION", S3Server.REGION,
                "RESTIC_PASSWORD", Base64.getEncoder().encodeToString(password),
                "RESTIC_CACHE_DIR", cacheDirectory.toString());
        this.logs = logs;
    }

    static boolean installed() {
        return ExternalCommand.available("restic");
    }

    void init() {
        run("init", List.of("init", "--repository-version", "2"), Duration.ofMinutes(2));
    }

    ExternalCommand.Ran backup(Path directory) {
        return run("backup", List.of("backup", "--compression", "auto", "--host", "benchmark", "--quiet",
                directory.toString()), Duration.ofMinutes(30));
    }

    ExternalCommand.Ran restoreLatest(Path target) {
        return run("restore", List.of("restore", "latest", "--target", target.toString()), Duration.ofMinutes(30));
    }

    private ExternalCommand.Ran run(String what, List<String> arguments, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add("restic");
        command.add("--repo");
        command.add(repository);
        command.addAll(arguments);
        return ExternalCommand.run(command, environment, logs.resolve("restic-" + what + ".log"), timeout);
    }
}
