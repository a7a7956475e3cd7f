package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** Best-effort item counts of a running or finished Restore. */
@JsonIgnoreProperties(ignoreUnknown = true)
// NON_DEFAULT mirrors Go's omitempty: nulls, zero counts and false flags are left out.
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public class RestoreProgress {

    private int totalItems;
    private int itemsRestored;

    public int getTotalItems() {
        return totalItems;
    }

    public void setTotalItems(int totalItems) {
        this.totalItems = totalItems;
    }

    public int getItemsRestored() {
        return itemsRestored;
    }

    public void setItemsRestored(int itemsRestored) {
        this.itemsRestored = itemsRestored;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof RestoreProgress)) {
            return false;
        }
        RestoreProgress that = (RestoreProgress) other;
        return totalItems == that.totalItems
                && itemsRestored == that.itemsRestored;
    }

    @Override
    public int hashCode() {
        return Objects.hash(totalItems, itemsRestored);
    }

    @Override
    public String toString() {
        return "RestoreProgress{"
                + "totalItems=" + totalItems
                + ", itemsRestored=" + itemsRestored
                + "}";
    }
}
