package io.dockwarden.backup;

import io.dockwarden.backup.crypto.KeyRing;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** What {@code /actuator/info} tells about backups: where they go and how they are sealed, never a secret. */
@Component
class BackupInfoContributor implements InfoContributor {

    private final BackupProperties properties;
    private final KeyRing keys;

    BackupInfoContributor(BackupProperties properties, KeyRing keys) {
        this.properties = properties;
        this.keys = keys;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> backup = new LinkedHashMap<>();
        backup.put("bucket", properties.s3().bucket());
        backup.put("prefix", properties.s3().prefix());
        backup.put("compression", properties.compression().algorithm().equals("none") ? "none"
                : "zstd level " + properties.compression().level());
        backup.put("cipher", keys.current().isPresent() ? "AES-256-GCM" : "none");
        keys.current().ifPresent(key -> backup.put("keyId", key.id()));
        backup.put("decryptableKeyIds", keys.ids());
        backup.put("helperImage", properties.helper().image());
        builder.withDetail("backup", backup);
    }
}
