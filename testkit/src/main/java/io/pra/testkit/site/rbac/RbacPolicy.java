package io.pra.testkit.site.rbac;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The RBAC objects a site's authorizer reads: Roles, ClusterRoles and their bindings, in the order they were given
 * (the order the authorizer visits bindings in). Immutable.
 */
public final class RbacPolicy {

    private static final String DEFAULTS = "kubernetes-defaults.yaml";

    private final List<Role> roles;
    private final List<ClusterRole> clusterRoles;
    private final List<RoleBinding> roleBindings;
    private final List<ClusterRoleBinding> clusterRoleBindings;

    private RbacPolicy(List<Role> roles, List<ClusterRole> clusterRoles, List<RoleBinding> roleBindings,
            List<ClusterRoleBinding> clusterRoleBindings) {
        this.roles = List.copyOf(roles);
        this.clusterRoles = List.copyOf(clusterRoles);
        this.roleBindings = List.copyOf(roleBindings);
        this.clusterRoleBindings = List.copyOf(clusterRoleBindings);
    }

    /** A policy of these objects; anything but a Role, ClusterRole, RoleBinding or ClusterRoleBinding is refused. */
    public static RbacPolicy of(Collection<? extends HasMetadata> objects) {
        List<Role> roles = new ArrayList<>();
        List<ClusterRole> clusterRoles = new ArrayList<>();
        List<RoleBinding> roleBindings = new ArrayList<>();
        List<ClusterRoleBinding> clusterRoleBindings = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (object instanceof Role role) {
                roles.add(requireNamespace(role));
            } else if (object instanceof ClusterRole clusterRole) {
                clusterRoles.add(clusterRole);
            } else if (object instanceof RoleBinding binding) {
                roleBindings.add(requireNamespace(binding));
            } else if (object instanceof ClusterRoleBinding binding) {
                clusterRoleBindings.add(binding);
            } else {
                throw new IllegalArgumentException("not an RBAC object: " + object.getKind() + " "
                        + object.getMetadata().getName());
            }
        }
        return new RbacPolicy(roles, clusterRoles, roleBindings, clusterRoleBindings);
    }

    /** No rule at all: every request but the admin's is refused. */
    public static RbacPolicy empty() {
        return new RbacPolicy(List.of(), List.of(), List.of(), List.of());
    }

    /**
     * What every Kubernetes cluster grants by default and PRA relies on: {@code cluster-admin} to {@code system:masters},
     * and to every authenticated user discovery, health and version paths ({@code system:discovery},
     * {@code system:public-info-viewer}) and self-reviews ({@code system:basic-user}).
     */
    public static RbacPolicy kubernetesDefaults() {
        try (InputStream in = RbacPolicy.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULTS);
            }
            return DeployRbac.policy(DeployRbac.documents(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    DEFAULTS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The RBAC of one of PRA's overlays ({@code site-a}, {@code site-b}) in the repository above the working directory. */
    public static RbacPolicy shipped(String overlay) {
        return DeployRbac.load(DeployRbac.repositoryRoot(), overlay);
    }

    /** The RBAC of one of PRA's overlays in the repository at {@code root}. */
    public static RbacPolicy shipped(Path root, String overlay) {
        return DeployRbac.load(root, overlay);
    }

    /** This policy's objects followed by {@code other}'s. */
    public RbacPolicy with(RbacPolicy other) {
        return new RbacPolicy(concat(roles, other.roles), concat(clusterRoles, other.clusterRoles),
                concat(roleBindings, other.roleBindings), concat(clusterRoleBindings, other.clusterRoleBindings));
    }

    /** Every object: Roles, ClusterRoles, RoleBindings, ClusterRoleBindings. */
    public List<HasMetadata> objects() {
        List<HasMetadata> all = new ArrayList<>(roles);
        all.addAll(clusterRoles);
        all.addAll(roleBindings);
        all.addAll(clusterRoleBindings);
        return all;
    }

    public List<RoleBinding> roleBindings() {
        return roleBindings;
    }

    public List<ClusterRoleBinding> clusterRoleBindings() {
        return clusterRoleBindings;
    }

    /** The Role {@code name} in {@code namespace}. */
    public Optional<Role> role(String namespace, String name) {
        return roles.stream().filter(r -> Objects.equals(r.getMetadata().getNamespace(), namespace)
                && Objects.equals(r.getMetadata().getName(), name)).findFirst();
    }

    /** The ClusterRole {@code name}. */
    public Optional<ClusterRole> clusterRole(String name) {
        return clusterRoles.stream().filter(r -> Objects.equals(r.getMetadata().getName(), name)).findFirst();
    }

    @Override
    public String toString() {
        return "RbacPolicy[" + roles.size() + " Roles, " + clusterRoles.size() + " ClusterRoles, " + roleBindings.size()
                + " RoleBindings, " + clusterRoleBindings.size() + " ClusterRoleBindings]";
    }

    private static <T extends HasMetadata> T requireNamespace(T object) {
        String namespace = object.getMetadata().getNamespace();
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException(object.getKind() + " " + object.getMetadata().getName()
                    + " has no namespace");
        }
        return object;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
