package io.pra.bench.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.pra.testkit.launch.ServiceLaunch;
import io.pra.testkit.launch.ServiceProcess;

/**
 * Where the bench finds what it runs (the repository's packaged services) and where it writes the children's
 * config, data and logs (a temporary directory, removed at the end unless asked to keep it).
 */
public final class Workspace implements AutoCloseable {

    /** The services the bench can start, by module name. */
    public static final String[] SERVICES = {"backup-service", "health-service", "failover-service", "notifier-service"};

    private final Path root;
    private final Path temp;
    private final boolean keep;

    public Workspace(Path root, boolean keep) {
        this.root = root.toAbsolutePath().normalize();
        this.keep = keep;
        try {
            this.temp = Files.createTempDirectory("pra-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    public Path root() {
        return root;
    }

    /** A fresh directory for one child or one run. */
    public Path dir(String name) {
        Path dir = temp.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }

    public Path temp() {
        return temp;
    }

    /** The packaged service, or a failure that says how to build it. */
    public Path serviceJar(String service) {
        Path jar = ServiceProcess.packagedJar(root.resolve(service));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run bench/run (it packages the services), or "
                    + "./mvnw -B -ntp -pl bench -am -DskipTests package");
        }
        return jar;
    }

    /**
     * A packaged service in a directory of its own (config, log), its settings in its config file (thousands of
     * probe checks would not fit on a command line), readiness asked every 20 ms (start-up is timed).
     */
    public ServiceProcess service(ServiceLaunch launch, List<String> jvmOptions) {
        Path dir = dir(launch.name());
        return ServiceProcess.builder(launch, serviceJar(launch.module())).jvmOptions(jvmOptions).workDir(dir)
                .log(dir.resolve(launch.name() + ".log")).settingsInFile().readinessPoll(Duration.ofMillis(20))
                .build();
    }

    /** Fails unless every service is packaged. */
    public void requireServices() {
        for (String service : SERVICES) {
            serviceJar(service);
        }
    }

    @Override
    public void close() {
        if (keep) {
            return;
        }
        try (Stream<Path> paths = Files.walk(temp)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + temp, e);
        }
    }
}
