package io.pra.testkit.site.velero;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

/**
 * The off-site object storage shared by the Velero simulators of several sites: per bucket (bucket plus prefix
 * of a BackupStorageLocation), the backups written there. Sites whose locations point at the same bucket see the
 * same backups, which is what gives PRA its off-site copy.
 */
public final class ObjectStorage {

    private final Map<String, Map<String, StoredBackup>> buckets = new ConcurrentHashMap<>();

    /** Writes (or overwrites) a backup in a bucket. */
    public void put(String bucket, StoredBackup backup) {
        buckets.computeIfAbsent(bucket, b -> new ConcurrentSkipListMap<>()).put(backup.name(), backup);
    }

    public Optional<StoredBackup> get(String bucket, String backupName) {
        return Optional.ofNullable(buckets.getOrDefault(bucket, Map.of()).get(backupName));
    }

    /** The backups of a bucket, by name. */
    public List<StoredBackup> list(String bucket) {
        return List.copyOf(buckets.getOrDefault(bucket, Map.of()).values());
    }

    /** Removes a backup, as Velero does when a backup is deleted or expires; true if it was there. */
    public boolean delete(String bucket, String backupName) {
        return buckets.getOrDefault(bucket, Map.of()).remove(backupName) != null;
    }

    /** Buckets that hold at least one backup. */
    public Set<String> buckets() {
        return buckets.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
