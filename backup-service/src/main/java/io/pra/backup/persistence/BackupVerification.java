package io.pra.backup.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A backup seen on one peer site: its off-site copy there is verified. */
@Entity
@Table(name = "backup_verification")
@IdClass(BackupVerification.Key.class)
public class BackupVerification {

    @Id
    @Column(name = "backup_name")
    public String backupName;

    @Id
    @Column(name = "peer_site")
    public String peerSite;

    @Column(name = "verified_at", nullable = false)
    public Instant verifiedAt;

    /** Primary key: backup and peer site. */
    public static class Key implements Serializable {
        public String backupName;
        public String peerSite;

        public Key() {
        }

        public Key(String backupName, String peerSite) {
            this.backupName = backupName;
            this.peerSite = peerSite;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(backupName, key.backupName)
                    && Objects.equals(peerSite, key.peerSite);
        }

        @Override
        public int hashCode() {
            return Objects.hash(backupName, peerSite);
        }
    }
}
