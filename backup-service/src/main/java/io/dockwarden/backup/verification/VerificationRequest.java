package io.dockwarden.backup.verification;

/**
 * A verification to make.
 *
 * @param requestId the request
 * @param verificationId its id, derived from the request (it names the scratch volume)
 * @param backupId the backup
 * @param hostId the engine to restore on
 * @param volumeName the volume the backup is of
 * @param requestedBy who or what asked
 */
public record VerificationRequest(String requestId, String verificationId, String backupId, String hostId,
        String volumeName, String requestedBy) {
}
