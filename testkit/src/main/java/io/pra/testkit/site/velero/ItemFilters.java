package io.pra.testkit.site.velero;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.pra.velero.VeleroLabels;
import java.util.List;
import java.util.Map;

/** Velero's include/exclude rules for namespaces, resources and labels, shared by backup and restore. */
final class ItemFilters {

    private ItemFilters() {
    }

    /** Excluded wins; an empty include list or {@code *} includes everything. */
    static boolean namespaceIncluded(String namespace, List<String> included, List<String> excluded) {
        if (excluded != null && excluded.contains(namespace)) {
            return false;
        }
        return included == null || included.isEmpty() || included.contains("*") || included.contains(namespace);
    }

    /** Resources are named by plural ({@code deployments}) or plural.group ({@code deployments.apps}). */
    static boolean resourceIncluded(HasMetadata item, List<String> included, List<String> excluded) {
        String plural = HasMetadata.getPlural(item.getClass());
        String group = HasMetadata.getGroup(item.getClass());
        if (excluded != null && excluded.stream().anyMatch(entry -> names(entry, plural, group))) {
            return false;
        }
        return included == null || included.isEmpty()
                || included.stream().anyMatch(entry -> names(entry, plural, group));
    }

    /** Label selection; objects labelled {@code velero.io/exclude-from-backup=true} are never taken. */
    static boolean labelsSelected(HasMetadata item, LabelSelector selector, List<LabelSelector> orSelectors) {
        Map<String, String> labels = item.getMetadata().getLabels();
        if (labels != null && "true".equals(labels.get(VeleroLabels.EXCLUDE_FROM_BACKUP))) {
            return false;
        }
        if (orSelectors != null && !orSelectors.isEmpty()) {
            return orSelectors.stream().anyMatch(or -> LabelSelectorMatcher.matches(or, labels));
        }
        return LabelSelectorMatcher.matches(selector, labels);
    }

    static boolean hasLabelSelection(LabelSelector selector, List<LabelSelector> orSelectors) {
        return selector != null || (orSelectors != null && !orSelectors.isEmpty());
    }

    private static boolean names(String entry, String plural, String group) {
        return "*".equals(entry) || entry.equals(plural)
                || (group != null && !group.isEmpty() && entry.equals(plural + "." + group));
    }
}
