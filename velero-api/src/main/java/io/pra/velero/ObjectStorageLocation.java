package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** Bucket and prefix of a BackupStorageLocation. */
@JsonIgnoreProperties(ignoreUnknown = true)
// NON_DEFAULT mirrors Go's omitempty: nulls, zero counts and false flags are left out.
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public class ObjectStorageLocation {

    private String bucket;
    private String prefix;
    /** Base64 CA bundle for the object store's TLS. */
    private String caCert;

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getCaCert() {
        return caCert;
    }

    public void setCaCert(String caCert) {
        this.caCert = caCert;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ObjectStorageLocation)) {
            return false;
        }
        ObjectStorageLocation that = (ObjectStorageLocation) other;
        return Objects.equals(bucket, that.bucket)
                && Objects.equals(prefix, that.prefix)
                && Objects.equals(caCert, that.caCert);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bucket, prefix, caCert);
    }

    @Override
    public String toString() {
        return "ObjectStorageLocation{"
                + "bucket=" + bucket
                + ", prefix=" + prefix
                + ", caCert=" + caCert
                + "}";
    }
}
