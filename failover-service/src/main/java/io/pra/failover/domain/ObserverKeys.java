package io.pra.failover.domain;

import java.security.PublicKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pra.events.signing.SigningKeys;

/**
 * The public keys each configured observer signs its votes with, by key id ({@link SigningKeys#keyId}): one key, or
 * two during a rotation. A key belongs to exactly one observer, so a vote signed with another observer's key is told
 * apart from one signed with no known key.
 */
public final class ObserverKeys {

    /** The longest list of keys one observer may have at once (the old and the new during a rotation). */
    public static final int MAX_KEYS_PER_OBSERVER = 2;

    /** One observer's key. */
    public record Key(String observerId, String keyId, PublicKey publicKey) {
    }

    private final Map<String, Key> byKeyId;

    /** The keys of each observer, by observer id. */
    public ObserverKeys(Map<String, List<PublicKey>> keysByObserver) {
        Map<String, Key> keys = new LinkedHashMap<>();
        keysByObserver.forEach((observer, publicKeys) -> {
            if (publicKeys.isEmpty() || publicKeys.size() > MAX_KEYS_PER_OBSERVER) {
                throw new IllegalArgumentException("observer " + observer + " must have 1 or "
                        + MAX_KEYS_PER_OBSERVER + " public keys, got " + publicKeys.size());
            }
            for (PublicKey publicKey : publicKeys) {
                String keyId = SigningKeys.keyId(publicKey);
                Key previous = keys.put(keyId, new Key(observer, keyId, publicKey));
                if (previous != null) {
                    throw new IllegalArgumentException("observers " + previous.observerId() + " and " + observer
                            + " share the public key " + keyId + ": each observer needs its own");
                }
            }
        });
        this.byKeyId = Map.copyOf(keys);
    }

    /** The key with this id, if any observer has it. */
    public Optional<Key> byId(String keyId) {
        return Optional.ofNullable(byKeyId.get(keyId));
    }

    /** Key ids by observer, for operators. */
    public Map<String, List<String>> keyIdsByObserver() {
        Map<String, List<String>> result = new HashMap<>();
        byKeyId.values().forEach(key -> result.merge(key.observerId(), List.of(key.keyId()),
                (a, b) -> List.of(a.get(0), b.get(0))));
        return result;
    }
}
