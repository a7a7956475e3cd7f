package io.pra.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import io.pra.cli.drill.DrillCommand;
import io.pra.cli.ops.AbortCommand;
import io.pra.cli.ops.ApproveCommand;
import io.pra.cli.ops.BackupsCommand;
import io.pra.cli.ops.DlqCommand;
import io.pra.cli.ops.DrillNowCommand;
import io.pra.cli.ops.EventsCommand;
import io.pra.cli.ops.FailoverCommand;
import io.pra.cli.ops.ModeCommand;
import io.pra.cli.ops.StatusCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pra} command: runs disaster drills and talks to a running PRA. */
@Command(name = "pra",
        mixinStandardHelpOptions = true,
        versionProvider = Pra.Version.class,
        description = "PRA, the disaster-recovery control plane: drills, benchmarks and operator commands.",
        subcommands = {DrillCommand.class, StatusCommand.class, FailoverCommand.class, ApproveCommand.class,
            AbortCommand.class, ModeCommand.class, BackupsCommand.class, DrillNowCommand.class, EventsCommand.class,
            EventsCatalogCommand.class, DlqCommand.class})
public final class Pra implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, for tests and for {@link #main(String[])}. */
    public static CommandLine commandLine() {
        return new CommandLine(new Pra());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = Pra.class.getResourceAsStream("/pra-version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"pra " + properties.getProperty("version", "unknown")};
        }
    }
}
