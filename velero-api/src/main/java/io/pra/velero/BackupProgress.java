package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** Best-effort item counts of a running or finished Backup. */
@JsonIgnoreProperties(ignoreUnknown = true)
// NON_DEFAULT mirrors Go's omitempty: nulls, zero counts and false flags are left out.
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public class BackupProgress {

    private int totalItems;
    private int itemsBackedUp;

    public int getTotalItems() {
        return totalItems;
    }

    public void setTotalItems(int totalItems) {
        this.totalItems = totalItems;
    }

    public int getItemsBackedUp() {
        return itemsBackedUp;
    }

    public void setItemsBackedUp(int itemsBackedUp) {
        this.itemsBackedUp = itemsBackedUp;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof BackupProgress)) {
            return false;
        }
        BackupProgress that = (BackupProgress) other;
        return totalItems == that.totalItems
                && itemsBackedUp == that.itemsBackedUp;
    }

    @Override
    public int hashCode() {
        return Objects.hash(totalItems, itemsBackedUp);
    }

    @Override
    public String toString() {
        return "BackupProgress{"
                + "totalItems=" + totalItems
                + ", itemsBackedUp=" + itemsBackedUp
                + "}";
    }
}
